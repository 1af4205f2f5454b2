using System.Runtime.InteropServices;
using TorchSharp;

namespace Scraps.Model.Runtime;

/// <summary>Finds the native libraries that the TorchSharp and libtorch-cpu packages put next to the application.</summary>
internal static class TorchNativeLocator
{
    public const string LibTorchSharpFile = "libLibTorchSharp.so";

    /// <summary>Folders .NET probes for native libraries of this application, most specific first.</summary>
    public static IReadOnlyList<string> CandidateFolders()
    {
        var folders = new List<string>();
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string searchDirectories)
        {
            folders.AddRange(searchDirectories.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        var rid = RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "linux-arm64" : "linux-x64";
        foreach (var root in new[] { Path.GetDirectoryName(typeof(torch).Assembly.Location), AppContext.BaseDirectory })
        {
            if (!string.IsNullOrEmpty(root))
            {
                folders.Add(root);
                folders.Add(Path.Combine(root, "runtimes", rid, "native"));
            }
        }
        return folders.Select(f => Path.GetFullPath(f)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The full path of <paramref name="fileName"/>, preferring <paramref name="preferredFolder"/>.</summary>
    public static string Find(string fileName, string? preferredFolder = null)
    {
        var folders = CandidateFolders();
        if (preferredFolder is not null)
        {
            folders = [preferredFolder, .. folders];
        }
        foreach (var folder in folders)
        {
            var path = Path.Combine(folder, fileName);
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new TorchRuntimeException(
            $"Cannot find {fileName} (from the TorchSharp-cpu package) in any of: {string.Join(", ", folders)}. " +
            "Is the application built with its runtimes folder?");
    }
}
