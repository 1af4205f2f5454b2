#if SCRAPS_SERVICE
namespace Scraps.Service.Api.Contracts;
#else
namespace Scraps.Client;
#endif

/// <summary>A clip's score against a phoneme sequence.</summary>
sealed partial record ScoreDetail
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
