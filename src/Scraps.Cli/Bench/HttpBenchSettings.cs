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
    IReadOnlyDictionary<string, string> ServiceEnvironment);
