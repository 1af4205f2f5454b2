using System.Buffers;

namespace Scraps.Audio;

/// <summary>
/// The pool of native-rate sample buffers that decoding and resampling borrow. A burst of large requests reuses a
/// handful of buffers (at most 4 per power-of-two size) instead of leaving a new large-object-heap array behind each,
/// which the GC keeps committed after the burst. Buffers beyond 2^27 samples (8.4 s at 16 MHz, 350 s at 384 kHz) are
/// not pooled; decoding limits keep requests far below that.
/// </summary>
internal static class DecodeBuffers
{
    public static readonly ArrayPool<float> Pool = ArrayPool<float>.Create(maxArrayLength: 1 << 27, maxArraysPerBucket: 4);
}
