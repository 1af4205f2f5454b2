using Microsoft.ML.OnnxRuntime;

namespace Scraps.Inference.Runtime;

/// <summary>
/// One loaded graph on one target: its single <see cref="InferenceSession"/> (thread-safe for concurrent runs) and
/// the contract it was checked against. Runs take and return <see cref="OrtValue"/>s; outputs are in host memory.
/// </summary>
internal sealed class OrtGraph : IDisposable
{
    private readonly InferenceSession _session;

    private OrtGraph(InferenceSession session, GraphContract contract, string path)
    {
        _session = session;
        Contract = contract;
        Path = path;
    }

    public GraphContract Contract { get; }

    public string Path { get; }

    /// <exception cref="OnnxRuntimeException">The session could not be created (on CUDA: possibly the provider or device).</exception>
    /// <exception cref="Package.ModelPackageException">The graph does not have the contract's inputs and outputs.</exception>
    public static OrtGraph Open(string folder, GraphContract contract, IOrtSessionSource source, ExecutionTarget target)
    {
        var path = System.IO.Path.Combine(folder, contract.GraphFile);
        var session = source.Create(path, target);
        try
        {
            contract.Check(session, path);
        }
        catch
        {
            session.Dispose();
            throw;
        }

        return new OrtGraph(session, contract, path);
    }

    /// <summary>Runs the graph on inputs named as in the contract, in contract order.</summary>
    public IDisposableReadOnlyCollection<OrtValue> Run(IReadOnlyCollection<OrtValue> inputs, IReadOnlyCollection<string> outputNames)
    {
        using var runOptions = new RunOptions();
        return _session.Run(runOptions, Contract.Inputs.Select(p => p.Name).ToArray(), inputs, outputNames);
    }

    public void Dispose() => _session.Dispose();
}
