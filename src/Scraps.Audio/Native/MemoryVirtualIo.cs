using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Scraps.Audio.Native;

/// <summary>libsndfile virtual I/O over a pinned in-memory buffer: no temporary files.
/// The callbacks only do pointer arithmetic and never throw.</summary>
internal static unsafe class MemoryVirtualIo
{
    [StructLayout(LayoutKind.Sequential)]
    public struct State
    {
        public byte* Data;
        public long Length;
        public long Position;
    }

    public static SndFileNative.SfVirtualIo Callbacks => new()
    {
        GetFileLength = &GetFileLength,
        Seek = &Seek,
        Read = &Read,
        Write = &Write,
        Tell = &Tell,
    };

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static long GetFileLength(IntPtr user) => ((State*)user)->Length;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static long Seek(long offset, int whence, IntPtr user)
    {
        var state = (State*)user;
        var origin = whence switch
        {
            0 => 0L,
            1 => state->Position,
            2 => state->Length,
            _ => -1L,
        };
        if (origin < 0)
        {
            return -1;
        }

        var target = origin + offset;
        if (target < 0)
        {
            return -1;
        }

        state->Position = target;
        return target;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static long Read(IntPtr destination, long count, IntPtr user)
    {
        var state = (State*)user;
        if (count <= 0 || state->Position >= state->Length)
        {
            return 0;
        }

        var n = Math.Min(count, state->Length - state->Position);
        Buffer.MemoryCopy(state->Data + state->Position, (void*)destination, n, n);
        state->Position += n;
        return n;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static long Write(IntPtr source, long count, IntPtr user) => 0;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static long Tell(IntPtr user) => ((State*)user)->Position;
}
