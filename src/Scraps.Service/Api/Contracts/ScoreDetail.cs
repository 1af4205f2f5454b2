namespace Scraps.Service.Api.Contracts;

/// <summary>A clip's score against a phoneme sequence.</summary>
internal sealed record ScoreDetail
{
    /// <summary>The raw SCRAPS score.</summary>
    public required double Score { get; init; }

    /// <summary>Calibrated match probability.</summary>
    public required double Probability { get; init; }

    /// <summary>Whether the score reaches the decision threshold.</summary>
    public required bool Match { get; init; }

    /// <summary>The phonemes scored, X-SAMPA.</summary>
    public required string Phonemes { get; init; }
}
