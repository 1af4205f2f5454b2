using System.Globalization;

namespace Scraps.Cli.Eval;

/// <summary>How an evaluation samples pairs and corrupts them.</summary>
internal sealed record EvalSettings
{
    public const int DefaultPairs = 1152;
    public const int DefaultBatchSize = 128;

    /// <summary>The paper's corruption levels (fraction of phones substituted, or α of Eq. 3).</summary>
    public static IReadOnlyList<double> PaperLevels { get; } = [0.05, 0.10, 0.20, 0.40, 0.60, 0.80, 0.90, 0.95];

    /// <summary>Matched pairs to draw from the manifest (fewer when it has fewer usable lines).</summary>
    public int Pairs { get; init; } = DefaultPairs;

    /// <summary>Pairs in each minibatch (smaller when fewer pairs are available).</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    public int Seed { get; init; }

    /// <summary>The clips evaluated: the whole manifest, or one utterance kind and/or duration range.</summary>
    public EvalSubset Subset { get; init; } = EvalSubset.All;

    public IReadOnlyList<double> Levels { get; init; } = PaperLevels;

    /// <summary>Threads that decode audio and compute features.</summary>
    public int PreparationThreads { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Whether the per-set benchmark runs, alone or beside the paper's figures.</summary>
    public SetMode SetMode { get; init; } = SetMode.None;

    /// <summary>Clips drawn from each set for the per-set benchmark.</summary>
    public int ClipsPerSet { get; init; } = 600;

    /// <summary>Items handed to an encoder at once (the encoder splits them into graph runs); also the progress step.</summary>
    public int EncodeChunk { get; init; } = 256;

    /// <exception cref="ArgumentException">A setting is out of range; the message names the command-line flag.</exception>
    public void Validate()
    {
        if (Pairs < 2)
        {
            throw new ArgumentException($"--pairs must be at least 2 (one matched and one mismatched pair), got {Pairs}");
        }

        if (BatchSize < 2)
        {
            throw new ArgumentException($"--batch must be at least 2 (a minibatch needs mismatched pairs), got {BatchSize}");
        }

        Subset.Validate();
        if (PreparationThreads < 1 || EncodeChunk < 1)
        {
            throw new ArgumentException("preparation threads and the encode chunk must be at least 1");
        }

        if (Levels.Count == 0 || Levels.Any(l => !(l > 0 && l <= 1)))
        {
            throw new ArgumentException(
                $"corruption levels must be fractions in (0, 1], got [{string.Join(", ", Levels.Select(l => l.ToString(CultureInfo.InvariantCulture)))}]");
        }
    }
}

/// <summary>Whether <c>scraps eval</c> runs the per-set benchmark (<see cref="SetBenchmark"/>).</summary>
internal enum SetMode
{
    None,
    Also,
    Only,
}
