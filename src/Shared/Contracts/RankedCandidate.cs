#if SCRAPS_SERVICE
namespace Scraps.Service.Api.Contracts;
#else
namespace Scraps.Client;
#endif

/// <summary>One candidate of a ranking.</summary>
sealed partial record RankedCandidate
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
