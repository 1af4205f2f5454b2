namespace Scraps.Inference.Scoring;

/// <summary>What one input may be (the service binds its request limits to these; the CLI uses the defaults).</summary>
public sealed record ScoringLimits
{
    /// <summary>The shortest clip scored, in milliseconds.</summary>
    public int MinAudioMilliseconds { get; init; } = 100;

    /// <summary>The longest clip scored, in seconds (the model's positional table may allow less).</summary>
    public double MaxAudioSeconds { get; init; } = 30;

    /// <summary>The longest transcript, in characters.</summary>
    public int MaxTranscriptCharacters { get; init; } = 1000;
}
