namespace Scraps.Inference.Runtime;

/// <summary>
/// How the encoders cut a list into graph runs: at most <paramref name="MaxItems"/> items and
/// <paramref name="MaxSteps"/> padded steps (items × longest) each.
/// </summary>
public sealed record GraphRunLimits(int MaxItems, int MaxSteps)
{
    /// <summary>CUDA's default items per graph run: also the GPU's default service batch (BatchingOptions.Resolve).</summary>
    public const int CudaItems = 64;

    /// <summary>CUDA's default padded steps per graph run (64 clips of 30 s): also the GPU's default padded-frame budget.</summary>
    public const int CudaSteps = 160_000;

    /// <summary>
    /// The configured limits, else the provider's defaults. CPU: 32 items, 64,000 steps (32 clips of 25 s), as before
    /// this became per provider. CUDA: 64 items and 160,000 steps (64 clips of 30 s), so that one service batch of the
    /// GPU defaults (<see cref="Batching.BatchingOptions"/>) is one graph run; the device check measures them.
    /// </summary>
    public static GraphRunLimits For(ScrapsModelOptions options, ExecutionProviderKind running) => running == ExecutionProviderKind.Cuda
        ? new(options.MaxBatchSize ?? CudaItems, options.MaxBatchSteps ?? CudaSteps)
        : new(options.MaxBatchSize ?? 32, options.MaxBatchSteps ?? 32 * 2000);
}
