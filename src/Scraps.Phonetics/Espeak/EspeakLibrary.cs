using System.Reflection;
using System.Runtime.InteropServices;

namespace Scraps.Phonetics.Espeak;

/// <summary>
/// Finds and loads libespeak-ng once per process and points the P/Invoke declarations of <see cref="EspeakNative"/>
/// at it, so a missing library gives one clear error instead of a DllNotFoundException on first use.
/// </summary>
internal static class EspeakLibrary
{
    /// <summary>The library name used in the [LibraryImport] declarations.</summary>
    public const string ImportName = "espeak-ng";

    /// <summary>File names tried in order (Debian/Ubuntu ship libespeak-ng.so.1 in package libespeak-ng1).</summary>
    public static readonly IReadOnlyList<string> DefaultCandidates =
        ["libespeak-ng.so.1", "libespeak-ng.so", "libespeak-ng.1.dylib", "libespeak-ng.dylib", "libespeak-ng.dll", "espeak-ng"];

    private static readonly Lock Gate = new();
    private static IntPtr _handle;

    /// <summary>Loads the library (first call only) and registers the import resolver.</summary>
    /// <exception cref="EspeakNotAvailableException">No candidate could be loaded.</exception>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_handle != IntPtr.Zero)
            {
                return;
            }

            var handle = Load(DefaultCandidates);
            NativeLibrary.SetDllImportResolver(typeof(EspeakLibrary).Assembly, Resolve);
            _handle = handle;
        }
    }

    /// <summary>Loads the first candidate that exists.</summary>
    /// <exception cref="EspeakNotAvailableException">None could be loaded; the message says what to install.</exception>
    internal static IntPtr Load(IReadOnlyList<string> candidates)
    {
        foreach (var name in candidates)
        {
            if (NativeLibrary.TryLoad(name, out var handle))
            {
                return handle;
            }
        }

        throw new EspeakNotAvailableException(
            $"the espeak-ng library could not be loaded (tried {string.Join(", ", candidates)}); " +
            "install it with 'apt-get install libespeak-ng1 espeak-ng-data' (Debian/Ubuntu) or your system's espeak-ng package");
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == ImportName ? _handle : IntPtr.Zero;
}
