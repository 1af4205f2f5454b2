using System.Runtime.InteropServices;

namespace Scraps.Model.Runtime;

/// <summary>
/// Keeps libtorch's CPU tensors in glibc's heap between training steps. glibc serves every allocation above its mmap
/// threshold (at most 32 MB) with a fresh mmap and returns it with munmap when freed, so a step whose activations are
/// hundreds of megabytes maps, page-faults and unmaps them all again every step: measured on 2 cores at batch 128,
/// more system time than user time (issue 24: user 7m14s, sys 8m58s). With mmap off for the heap and trimming raised,
/// freed blocks stay for the next step (the MALLOC_MMAP_MAX_ and MALLOC_TRIM_THRESHOLD_ environment variables do the
/// same, but only when set before the process starts).
/// </summary>
public static partial class NativeHeap
{
    private const int TrimThreshold = -1; // M_TRIM_THRESHOLD
    private const int MmapMax = -4; // M_MMAP_MAX

    private static int _configured;

    /// <summary>Sets glibc's heap for training, once per process; false where it cannot (not glibc).</summary>
    public static bool KeepFreedMemory()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        if (Interlocked.Exchange(ref _configured, 1) == 1)
        {
            return true;
        }

        try
        {
            return Mallopt(MmapMax, 0) == 1 && Mallopt(TrimThreshold, int.MaxValue) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // musl and others: no mallopt, nothing to tune
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "mallopt")]
    private static partial int Mallopt(int parameter, int value);
}
