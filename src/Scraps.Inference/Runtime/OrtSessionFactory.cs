using Microsoft.ML.OnnxRuntime;

namespace Scraps.Inference.Runtime;

/// <summary>Creates one <see cref="InferenceSession"/> per graph and target with the configured options.</summary>
internal sealed class OrtSessionFactory(ScrapsModelOptions options) : IOrtSessionSource
{
    public const string CudaProvider = "CUDAExecutionProvider";

    public IReadOnlyList<string> AvailableProviders() => OrtEnv.Instance().GetAvailableProviders();

    public InferenceSession Create(string graphPath, ExecutionTarget target)
    {
        using var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = options.IntraOpThreads,
            LogId = $"{Path.GetFileName(graphPath)}@{target}",
        };

        if (target.Provider == ExecutionProviderKind.Cuda)
        {
            // Both steps can fail for reasons of the machine, not the graph: appending loads
            // libonnxruntime_providers_cuda.so (and through it CUDA, cuBLAS, cuDNN); creating the session initialises the
            // device. The caller treats either failure the same way.
            using var cuda = new OrtCUDAProviderOptions();
            cuda.UpdateOptions(options.Cuda.ToProviderOptions(target.DeviceId).ToDictionary());
            sessionOptions.AppendExecutionProvider_CUDA(cuda);
        }

        return new InferenceSession(graphPath, sessionOptions);
    }
}
