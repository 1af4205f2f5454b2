using System.ComponentModel.DataAnnotations;
using Scraps.Inference.Runtime;

namespace Scraps.Inference.Batching;

/// <summary>
/// How requests are grouped into encoder batches (section <c>Scraps:Batching</c>). A setting left unset takes the
/// default of the provider the model runs on (<see cref="Resolve"/>): a GPU wants larger batches than a CPU.
/// </summary>
public sealed class BatchingOptions
{
    public const string SectionName = "Scraps:Batching";

    /// <summary>The most requests one batch holds. Default: 8 on CPU, 64 on CUDA.</summary>
    [Range(1, 1024)]
    public int? MaxBatchSize { get; set; }

    /// <summary>
    /// How long the first request of a batch may wait for others before the batch closes anyway. Zero closes a
    /// batch with whatever is queued as soon as a worker is free. Default: 5 ms on CPU, 10 ms on CUDA.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan? MaxBatchDelay { get; set; }

    /// <summary>
    /// Padded-size budget of one acoustic batch: items × longest item, in log-mel frames (80 a second). A batch
    /// closes before it would exceed this; a single longer item still runs alone. Default: 16,000 on CPU, 160,000 on CUDA.
    /// </summary>
    [Range(1, 10_000_000)]
    public int? MaxPaddedFrames { get; set; }

    /// <summary>Padded-size budget of one phonetic batch: items × longest item, in phoneme tokens. Default: 4,096 on CPU, 32,768 on CUDA.</summary>
    [Range(1, 10_000_000)]
    public int? MaxPaddedPhonemes { get; set; }

    /// <summary>
    /// The most requests that may wait in one encoder's queue; the next one is refused at once
    /// (<see cref="BatchQueueFullException"/>, HTTP 429). Default: 256 on CPU, 1,024 on CUDA.
    /// </summary>
    [Range(1, 1_000_000)]
    public int? QueueCapacity { get; set; }

    /// <summary>How many batches run at the same time, across both encoders. Default: 2 on CPU, 2 per GPU on CUDA.</summary>
    [Range(1, 256)]
    public int? Workers { get; set; }

    /// <summary>Batch workers on the CPU when none are configured (the service sizes ONNX Runtime's threads by it).</summary>
    public const int DefaultCpuWorkers = 2;

    /// <summary>
    /// The settings in force on <paramref name="provider"/>: each configured value, else the provider's default.
    /// CPU (2 cores): two workers with one ONNX Runtime thread each, batches of up to 8 (on 2 cores 8 beat 16: less
    /// padding for the same saving, measured with <c>scraps bench http</c>), at most 5 ms of waiting. CUDA: batches
    /// of 64 (64 clips of 30 s within the frame budget) and a 10 ms window, because a GPU runs a batch of 64 in about
    /// the time of a batch of 8; two workers per GPU, so that one batch is padded and copied while another runs.
    /// The CUDA figures are the GPU overlay's, not yet measured: tests/gpu/run.sh measures them.
    /// </summary>
    public ResolvedBatching Resolve(ExecutionProviderStatus provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var gpu = provider.Running == ExecutionProviderKind.Cuda;
        var devices = Math.Max(1, provider.Devices.Count);
        return new ResolvedBatching(
            MaxBatchSize ?? (gpu ? GraphRunLimits.CudaItems : 8),
            MaxBatchDelay ?? TimeSpan.FromMilliseconds(gpu ? 10 : 5),
            MaxPaddedFrames ?? (gpu ? GraphRunLimits.CudaSteps : 16_000),
            MaxPaddedPhonemes ?? (gpu ? 32_768 : 4_096),
            QueueCapacity ?? (gpu ? 1_024 : 256),
            Workers ?? (gpu ? 2 * devices : DefaultCpuWorkers));
    }
}

/// <summary>The batching settings in force once the provider is known (<see cref="BatchingOptions.Resolve"/>).</summary>
public sealed record ResolvedBatching(
    int MaxBatchSize, TimeSpan MaxBatchDelay, int MaxPaddedFrames, int MaxPaddedPhonemes, int QueueCapacity, int Workers)
{
    /// <summary>The limits of the acoustic queue.</summary>
    public BatcherLimits AcousticLimits => new(MaxBatchSize, MaxPaddedFrames, MaxBatchDelay, QueueCapacity);

    /// <summary>The limits of the phonetic queue.</summary>
    public BatcherLimits PhoneticLimits => new(MaxBatchSize, MaxPaddedPhonemes, MaxBatchDelay, QueueCapacity);
}
