using System.Runtime.InteropServices;
using System.Text;

namespace Scraps.Model.Runtime;

/// <summary>Finds the libstdc++ this process uses and tells whether it provides a symbol version.</summary>
internal static class LibStdCxxProbe
{
    private const string SoName = "libstdc++.so.6";

    /// <summary>The path of the libstdc++ mapped into this process (loading it by soname if needed), or null.</summary>
    public static string? FindLoadedPath()
    {
        var path = FindInProcessMaps();
        if (path is not null)
        {
            return path;
        }
        // Not mapped yet: let the dynamic loader pick it exactly as it would for libLibTorchSharp's NEEDED entry.
        if (NativeLibrary.TryLoad(SoName, out _))
        {
            path = FindInProcessMaps();
        }
        return path;
    }

    /// <summary>True when the library file contains the version definition string (e.g. "GLIBCXX_3.4.32").</summary>
    public static bool Provides(string libraryPath, string versionName)
    {
        var bytes = File.ReadAllBytes(libraryPath);
        var needle = Encoding.ASCII.GetBytes(versionName + "\0");
        ReadOnlySpan<byte> span = bytes;
        // The string must start at a NUL boundary, so that "GLIBCXX_3.4.3" never matches "GLIBCXX_3.4.32".
        int start = 0;
        while (start < span.Length)
        {
            int found = span[start..].IndexOf(needle);
            if (found < 0)
            {
                return false;
            }
            int at = start + found;
            if (at == 0 || span[at - 1] == 0)
            {
                return true;
            }
            start = at + 1;
        }
        return false;
    }

    private static string? FindInProcessMaps()
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps))
        {
            return null;
        }
        foreach (var line in File.ReadLines(maps))
        {
            int slash = line.IndexOf('/');
            if (slash < 0)
            {
                continue;
            }
            var path = line[slash..].Trim();
            if (Path.GetFileName(path).StartsWith("libstdc++.so", StringComparison.Ordinal) && File.Exists(path))
            {
                return path;
            }
        }
        return null;
    }
}
