using System.ComponentModel.DataAnnotations;

namespace Scraps.Inference.Batching;

/// <summary>
/// How requests are grouped into encoder batches (section <c>Scraps:Batching</c>). The defaults suit a
/// 2-core machine: two workers (one graph run each, one ONNX Runtime thread each), batches of up to 8
/// items (on 2 cores 8 beat 16: less padding for the same saving, measured with <c>scraps bench http</c>), and at
/// most 5 ms of waiting for a batch to fill.
/// </summary>
public sealed class BatchingOptions
{
    public const string SectionName = "Scraps:Batching";

    /// <summary>The most requests one batch holds.</summary>
    [Range(1, 1024)]
    public int MaxBatchSize { get; set; } = 8;

    /// <summary>
    /// How long the first request of a batch may wait for others before the batch closes anyway. Zero closes a
    /// batch with whatever is queued as soon as a worker is free.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Padded-size budget of one acoustic batch: items × longest item, in log-mel frames (80 a second). A batch
    /// closes before it would exceed this; a single longer item still runs alone.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MaxPaddedFrames { get; set; } = 16_000;

    /// <summary>Padded-size budget of one phonetic batch: items × longest item, in phoneme tokens.</summary>
    [Range(1, 10_000_000)]
    public int MaxPaddedPhonemes { get; set; } = 4_096;

    /// <summary>
    /// The most requests that may wait in one encoder's queue; the next one is refused at once
    /// (<see cref="BatchQueueFullException"/>, HTTP 429).
    /// </summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 256;

    /// <summary>How many batches run at the same time, across both encoders.</summary>
    [Range(1, 256)]
    public int Workers { get; set; } = 2;

    /// <summary>The limits of the acoustic queue.</summary>
    public BatcherLimits AcousticLimits => new(MaxBatchSize, MaxPaddedFrames, MaxBatchDelay, QueueCapacity);

    /// <summary>The limits of the phonetic queue.</summary>
    public BatcherLimits PhoneticLimits => new(MaxBatchSize, MaxPaddedPhonemes, MaxBatchDelay, QueueCapacity);
}
