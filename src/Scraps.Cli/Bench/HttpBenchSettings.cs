namespace Scraps.Cli.Bench;

/// <summary>What one <c>scraps bench http</c> run measures.</summary>
internal sealed record HttpBenchSettings(
    string ModelFolder,
    string ServiceDll,
    int Clients,
    TimeSpan Duration,
    TimeSpan WarmUp,
    int BatchSize,
    int Workers,
    TimeSpan BatchDelay,
    bool WithBaseline,
    IReadOnlyDictionary<string, string> ServiceEnvironment)
{
    /// <summary>Where the engine and the service run their graphs (the service gets Scraps__Inference__ExecutionProvider).</summary>
    public Scraps.Inference.Runtime.ExecutionProviderKind Provider { get; init; } = Scraps.Inference.Runtime.ExecutionProviderKind.Auto;

    /// <summary>CUDA device ids (empty: device 0).</summary>
    public IReadOnlyList<int> Devices { get; init; } = [];

    /// <summary>An API key the service is given (Scraps:ApiKeys) and the clients send (null: a service without keys).</summary>
    public string? ApiKey { get; init; }

    /// <summary>A file to append each measured row to as JSON (null: none).</summary>
    public string? ResultsFile { get; init; }
}
