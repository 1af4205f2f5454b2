using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using Scraps.Inference.Package;

namespace Scraps.Inference.Runtime;

/// <summary>Creates one <see cref="InferenceSession"/> per graph with the chosen execution provider.</summary>
internal sealed partial class OrtSessionFactory(ScrapsModelOptions options, ILogger logger)
{
    private const string CudaProvider = "CUDAExecutionProvider";

    /// <summary>The provider the sessions really use, after any fall-back.</summary>
    public ExecutionProviderKind EffectiveProvider { get; private set; } = options.ExecutionProvider;

    public InferenceSession Create(string graphPath)
    {
        using var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = options.IntraOpThreads,
            LogId = Path.GetFileName(graphPath),
        };

        if (EffectiveProvider == ExecutionProviderKind.Cuda)
        {
            TryAppendCuda(sessionOptions);
        }

        try
        {
            return new InferenceSession(graphPath, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelPackageException(graphPath, $"ONNX Runtime cannot load the graph: {e.Message}", e);
        }
    }

    private void TryAppendCuda(SessionOptions sessionOptions)
    {
        var available = OrtEnv.Instance().GetAvailableProviders();
        if (!available.Contains(CudaProvider, StringComparer.Ordinal))
        {
            LogCudaFallback(logger, $"the installed ONNX Runtime has only {string.Join(", ", available)}");
            EffectiveProvider = ExecutionProviderKind.Cpu;
            return;
        }

        try
        {
            sessionOptions.AppendExecutionProvider_CUDA(options.CudaDeviceId);
        }
        catch (OnnxRuntimeException e)
        {
            LogCudaFallback(logger, e.Message);
            EffectiveProvider = ExecutionProviderKind.Cpu;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CUDA execution was asked for but is not available ({Reason}); running on CPU")]
    private static partial void LogCudaFallback(ILogger logger, string reason);
}
