using System.Reflection;
using System.Runtime.InteropServices;

namespace Scraps.Audio.Native;

/// <summary>P/Invoke declarations for libsndfile (sndfile.h). The library is found by its soname
/// (libsndfile.so.1 from Debian's libsndfile1) or the usual names on other platforms.</summary>
internal static unsafe partial class SndFileNative
{
    public const string Library = "sndfile";
    public const int SfmRead = 0x10;
    public const int SfcGetFormatMajorCount = 0x1030;
    public const int SfcGetFormatMajor = 0x1031;
    public const int SfFormatTypeMask = 0x0FFF0000;
    public const int SfFormatSubMask = 0x0000FFFF;

    /// <summary>sf_error codes: SF_ERR_UNRECOGNISED_FORMAT, SF_ERR_SYSTEM, SF_ERR_MALFORMED_FILE, SF_ERR_UNSUPPORTED_ENCODING.</summary>
    public const int ErrUnrecognisedFormat = 1;
    public const int ErrMalformedFile = 3;
    public const int ErrUnsupportedEncoding = 4;

    private static readonly string[] Candidates =
        ["libsndfile.so.1", "libsndfile.so", "libsndfile.1.dylib", "libsndfile.dylib", "sndfile.dll", "libsndfile-1.dll"];

    static SndFileNative()
    {
        NativeLibrary.SetDllImportResolver(typeof(SndFileNative).Assembly, Resolve);
    }

    /// <summary>Forces the static resolver to be registered before the first call.</summary>
    public static void EnsureResolver()
    {
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
        {
            return IntPtr.Zero;
        }

        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct SfInfo
    {
        public long Frames;
        public int SampleRate;
        public int Channels;
        public int Format;
        public int Sections;
        public int Seekable;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct SfVirtualIo
    {
        public delegate* unmanaged[Cdecl]<IntPtr, long> GetFileLength;
        public delegate* unmanaged[Cdecl]<long, int, IntPtr, long> Seek;
        public delegate* unmanaged[Cdecl]<IntPtr, long, IntPtr, long> Read;
        public delegate* unmanaged[Cdecl]<IntPtr, long, IntPtr, long> Write;
        public delegate* unmanaged[Cdecl]<IntPtr, long> Tell;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct SfFormatInfo
    {
        public int Format;
        public IntPtr Name;
        public IntPtr Extension;
    }

    [LibraryImport(Library, EntryPoint = "sf_open_virtual")]
    public static partial IntPtr OpenVirtual(SfVirtualIo* io, int mode, SfInfo* info, IntPtr userData);

    [LibraryImport(Library, EntryPoint = "sf_readf_float")]
    public static partial long ReadFramesFloat(IntPtr file, float* buffer, long frames);

    [LibraryImport(Library, EntryPoint = "sf_close")]
    public static partial int Close(IntPtr file);

    [LibraryImport(Library, EntryPoint = "sf_error")]
    public static partial int Error(IntPtr file);

    [LibraryImport(Library, EntryPoint = "sf_strerror")]
    public static partial IntPtr StrError(IntPtr file);

    [LibraryImport(Library, EntryPoint = "sf_command")]
    public static partial int Command(IntPtr file, int command, void* data, int dataSize);
}
