namespace Scraps.Inference.Runtime;

/// <summary>
/// How the encoders cut a list into graph runs: at most <paramref name="MaxItems"/> items and
/// <paramref name="MaxSteps"/> padded steps (items × longest) each.
/// </summary>
public sealed record GraphRunLimits(int MaxItems, int MaxSteps)
{
    /// <summary>
    /// The configured limits, else the provider's defaults. CPU: 32 items, 64,000 steps (32 clips of 25 s), as before
    /// this became per provider. CUDA: 64 items and 160,000 steps (64 clips of 30 s), so that one service batch of the
    /// GPU defaults (<see cref="Batching.BatchingOptions"/>) is one graph run; the device check measures them.
    /// </summary>
    public static GraphRunLimits For(ScrapsModelOptions options, ExecutionProviderKind running) => running == ExecutionProviderKind.Cuda
        ? new(options.MaxBatchSize ?? 64, options.MaxBatchSteps ?? 160_000)
        : new(options.MaxBatchSize ?? 32, options.MaxBatchSteps ?? 32 * 2000);
}
