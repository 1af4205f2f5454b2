using Scraps.Audio;

namespace Scraps.Inference.Scoring;

/// <summary>A decoded, checked clip: its standardised log-mel features and its length.</summary>
public sealed record PreparedClip(LogMel Features, double Seconds)
{
    /// <summary>What decoding repaired, one sentence each naming the clip (scored anyway; tell the user).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
