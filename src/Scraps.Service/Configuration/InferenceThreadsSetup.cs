using Microsoft.Extensions.Options;
using Scraps.Inference.Batching;
using Scraps.Inference.Runtime;

namespace Scraps.Service.Configuration;

/// <summary>
/// When <c>Scraps:Inference:IntraOpThreads</c> is 0 (unset), sizes it against the batch workers (cores / workers, at
/// least 1; 2 workers when unset, the CPU default), so that the workers running at once do not oversubscribe the cores.
/// On CUDA the threads only do the host-side work of a run.
/// </summary>
/// <remarks>
/// Reads the workers from configuration, not from the validated <see cref="BatchingOptions"/>: a bad batching value is
/// then reported once, by its own validation, not a second time through this one.
/// </remarks>
internal sealed class InferenceThreadsSetup(IConfiguration configuration) : IPostConfigureOptions<ScrapsModelOptions>
{
    public void PostConfigure(string? name, ScrapsModelOptions options)
    {
        if (options.IntraOpThreads == 0)
        {
            var workers = configuration.GetValue<int?>($"{BatchingOptions.SectionName}:Workers") is { } w and > 0 ? w : BatchingOptions.DefaultCpuWorkers;
            options.IntraOpThreads = Math.Max(1, Environment.ProcessorCount / workers);
        }
    }
}
