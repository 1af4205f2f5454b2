namespace Scraps.Inference.Scoring;

/// <summary>
/// What one input may be. The defaults are the model's own limits (the CLI scores any clip the model takes); the
/// service binds its request limits (Scraps:Limits) over them.
/// </summary>
public sealed record ScoringLimits
{
    /// <summary>The shortest clip scored, in milliseconds (0: any clip with at least one sample).</summary>
    public int MinAudioMilliseconds { get; init; }

    /// <summary>The longest clip scored, in seconds; the model's positional table caps it (102 s at 12.5 ms hop, s = 4, 2048 positions).</summary>
    public double MaxAudioSeconds { get; init; } = double.MaxValue;

    /// <summary>The longest transcript, in characters.</summary>
    public int MaxTranscriptCharacters { get; init; } = 100_000;
}
