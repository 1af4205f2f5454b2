using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using Scraps.Inference.Package;

namespace Scraps.Inference.Runtime;

/// <summary>
/// The two graphs of a package on the chosen provider, and why that provider. Chooses honestly: Cpu is CPU; Cuda is
/// every listed GPU or an <see cref="ExecutionProviderException"/>; Auto is every listed GPU, else CPU with the reason
/// logged. A CUDA failure is handled the same way wherever it happens: the build lacks the provider, its libraries do
/// not load (appending the provider), or the driver or device fails (creating the session).
/// </summary>
internal sealed partial class ModelSessions : IDisposable
{
    private ModelSessions(Graphs graphs, ExecutionProviderStatus provider)
    {
        Acoustic = graphs.Acoustic;
        Phonetic = graphs.Phonetic;
        Matching = graphs.Matching;
        Provider = provider;
    }

    public OrtGraphSet Acoustic { get; }

    public OrtGraphSet Phonetic { get; }

    /// <summary>The matching head's graph; null for a model without one.</summary>
    public OrtGraphSet? Matching { get; }

    public ExecutionProviderStatus Provider { get; }

    /// <exception cref="ExecutionProviderException">Cuda was required and cannot run.</exception>
    /// <exception cref="ModelPackageException">A graph does not load or does not match the manifest.</exception>
    public static ModelSessions Open(string folder, ScrapsModelConfig architecture, ScrapsModelOptions options, IOrtSessionSource source, ILogger logger)
    {
        var requested = options.ExecutionProvider;
        if (requested == ExecutionProviderKind.Cpu)
        {
            return OpenOnCpu(folder, architecture, source, new(requested, ExecutionProviderKind.Cpu, [], "requested"));
        }

        var devices = options.Devices;
        string why;
        Exception? cause = null;
        var available = source.AvailableProviders();
        var built = available.Contains(OrtSessionFactory.CudaProvider, StringComparer.Ordinal);
        if (!built)
        {
            why = $"this ONNX Runtime build has no CUDA provider (only {string.Join(", ", available)}); the GPU build is -p:OrtGpu=true";
        }
        else
        {
            try
            {
                var graphs = OpenOn(folder, architecture, source, devices.Select(ExecutionTarget.Cuda).ToArray());
                return new ModelSessions(graphs, new(requested, ExecutionProviderKind.Cuda, devices, requested == ExecutionProviderKind.Cuda ? "requested" : "auto: CUDA available"));
            }
            catch (CudaTargetException e)
            {
                why = $"CUDA cannot run on device {e.Target.DeviceId}: {OneLine(e.InnerException!.Message)}";
                cause = e.InnerException;
            }
        }

        if (requested == ExecutionProviderKind.Cuda)
        {
            throw new ExecutionProviderException($"ExecutionProvider is Cuda, but {why}", cause);
        }

        // The CPU build under Auto is the expected case (the CPU image); a GPU build that cannot use its GPU is not.
        if (built)
        {
            LogCudaFallback(logger, why);
        }
        else
        {
            LogCpuBuild(logger, why);
        }

        return OpenOnCpu(folder, architecture, source, new(requested, ExecutionProviderKind.Cpu, [], $"auto: {why}"));
    }

    public void Dispose()
    {
        Acoustic.Dispose();
        Phonetic.Dispose();
        Matching?.Dispose();
    }

    private static ModelSessions OpenOnCpu(string folder, ScrapsModelConfig architecture, IOrtSessionSource source, ExecutionProviderStatus status) =>
        new(OpenOn(folder, architecture, source, [ExecutionTarget.Cpu]), status);

    /// <summary>Every graph on every target; everything created is disposed again when one fails.</summary>
    private static Graphs OpenOn(string folder, ScrapsModelConfig architecture, IOrtSessionSource source, IReadOnlyList<ExecutionTarget> targets)
    {
        var opened = new List<OrtGraph>();
        try
        {
            var acoustic = new List<OrtGraph>();
            var phonetic = new List<OrtGraph>();
            var matching = new List<OrtGraph>();
            foreach (var target in targets)
            {
                acoustic.Add(Open(folder, GraphContract.Acoustic(architecture), source, target, opened));
                phonetic.Add(Open(folder, GraphContract.Phonetic(architecture), source, target, opened));
                if (architecture.MatchingHead is not null)
                {
                    matching.Add(Open(folder, GraphContract.Matching(architecture), source, target, opened));
                }
            }

            return new Graphs(new OrtGraphSet(acoustic), new OrtGraphSet(phonetic), matching.Count > 0 ? new OrtGraphSet(matching) : null);
        }
        catch
        {
            foreach (var graph in opened)
            {
                graph.Dispose();
            }

            throw;
        }
    }

    private static OrtGraph Open(string folder, GraphContract contract, IOrtSessionSource source, ExecutionTarget target, List<OrtGraph> opened)
    {
        OrtGraph graph;
        try
        {
            graph = OrtGraph.Open(folder, contract, source, target);
        }
        catch (Exception e) when (target.Provider == ExecutionProviderKind.Cuda && IsProviderFailure(e))
        {
            throw new CudaTargetException(target, e);
        }
        catch (OnnxRuntimeException e)
        {
            var path = Path.Combine(folder, contract.GraphFile);
            throw new ModelPackageException(path, $"ONNX Runtime cannot load the graph: {OneLine(e.Message)}", e);
        }

        opened.Add(graph);
        return graph;
    }

    /// <summary>
    /// What a CUDA target can throw that is not about the graph: ONNX Runtime's own errors (provider library, driver,
    /// device, out of memory) and the loader's, when a native entry point or library is missing.
    /// </summary>
    private static bool IsProviderFailure(Exception e) => e is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException;

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    [LoggerMessage(Level = LogLevel.Warning, Message = "CUDA is not used ({Reason}); running on CPU")]
    private static partial void LogCudaFallback(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Running on CPU: {Reason}")]
    private static partial void LogCpuBuild(ILogger logger, string reason);

    private sealed record Graphs(OrtGraphSet Acoustic, OrtGraphSet Phonetic, OrtGraphSet? Matching);

    /// <summary>A CUDA session could not be created on <see cref="Target"/>; the inner exception says why.</summary>
    private sealed class CudaTargetException(ExecutionTarget target, Exception inner) : Exception(inner.Message, inner)
    {
        public ExecutionTarget Target { get; } = target;
    }
}
