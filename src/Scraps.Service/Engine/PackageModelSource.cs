using Microsoft.Extensions.Options;
using Scraps.Inference.Batching;
using Scraps.Inference.Runtime;

namespace Scraps.Service.Engine;

/// <summary>
/// Loads a model package with ONNX Runtime (section <c>Scraps:Inference</c>) and espeak-ng for transcripts. When
/// IntraOpThreads is 0 it is sized against the batch workers (cores / workers, at least 1; 2 workers when unset, the
/// CPU default), so that the workers running at once do not oversubscribe the cores. On CUDA the threads only do the
/// host-side work of a run.
/// </summary>
internal sealed class PackageModelSource(
    IOptions<ScrapsModelOptions> inference,
    IOptions<BatchingOptions> batching,
    ILoggerFactory loggerFactory) : IModelSource
{
    public LoadedModel Load(string folder)
    {
        var configured = inference.Value;
        var options = new ScrapsModelOptions
        {
            ExecutionProvider = configured.ExecutionProvider,
            CudaDeviceIds = configured.CudaDeviceIds,
            Cuda = configured.Cuda,
            IntraOpThreads = configured.IntraOpThreads > 0
                ? configured.IntraOpThreads
                : Math.Max(1, Environment.ProcessorCount / (batching.Value.Workers ?? BatchingOptions.DefaultCpuWorkers)),
            VerifyHashes = configured.VerifyHashes,
            MaxBatchSize = configured.MaxBatchSize,
            MaxBatchSteps = configured.MaxBatchSteps,
        };
        var model = ScrapsModel.Load(folder, options, loggerFactory);
        try
        {
            var phonemizer = model.CreatePhonemizer();
            return new LoadedModel(
                model,
                phonemizer,
                model.Acoustic,
                model.Phonetic,
                model);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
