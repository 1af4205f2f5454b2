namespace Scraps.Client;

/// <summary>Answer of <c>POST /v1/rank</c>: the candidates, best first.</summary>
public sealed record RankResponse
{
    /// <summary>Every candidate, sorted by how well the clip supports it.</summary>
    public required IReadOnlyList<RankedCandidate> Candidates { get; init; }

    /// <summary>Length of the clip in seconds.</summary>
    public required double AudioSeconds { get; init; }

    /// <summary>What decoding had to repair in the audio (NaN or infinite samples, a truncated WAV), which was scored anyway; absent when nothing was.</summary>
    public IReadOnlyList<string>? Warnings { get; init; }

    /// <summary>The model that ranked them, "name@version".</summary>
    public required string Model { get; init; }
}
