using System.Text.Json.Serialization;

namespace Scraps.Service.Api.Contracts;

/// <summary>The candidates, best first.</summary>
internal sealed record RankResponse
{
    /// <summary>Every candidate, sorted by how well the clip supports it (best first).</summary>
    public required IReadOnlyList<RankedCandidate> Candidates { get; init; }

    /// <summary>Length of the clip in seconds.</summary>
    public required double AudioSeconds { get; init; }

    /// <summary>What decoding had to repair in the audio (NaN or infinite samples, a truncated WAV), which was scored anyway; absent when nothing was.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; }

    /// <summary>The model that ranked them, "name@version".</summary>
    public required string Model { get; init; }
}

/// <summary>One candidate of a ranking.</summary>
internal sealed record RankedCandidate
{
    /// <summary>Its position in the request (0-based).</summary>
    public required int Index { get; init; }

    /// <summary>The candidate as sent.</summary>
    public required string Candidate { get; init; }

    /// <summary>Its phonemes, X-SAMPA.</summary>
    public required string Phonemes { get; init; }

    /// <summary>The raw SCRAPS score.</summary>
    public required double Score { get; init; }

    /// <summary>Calibrated match probability (with the CTC head: score and alignment combined).</summary>
    public required double Probability { get; init; }

    /// <summary>Whether it passes the model's decision threshold.</summary>
    public required bool Match { get; init; }

    /// <summary>Mean goodness of pronunciation on the CTC alignment (at most 0); absent for a model without the CTC head.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? AlignmentScore { get; init; }
}
