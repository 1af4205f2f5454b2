#if SCRAPS_SERVICE
namespace Scraps.Service.Api.Contracts;
#else
namespace Scraps.Client;
#endif

/// <summary>One word of the transcript against the clip (score with words=true).</summary>
sealed partial record WordResult
{
    /// <summary>The word as written (for a phoneme string: the X-SAMPA of a word between boundaries).</summary>
    public required string Word { get; init; }

    /// <summary>Its phonemes, X-SAMPA, as scored.</summary>
    public required string Phonemes { get; init; }

    /// <summary>Start in seconds on the CTC alignment (null when it could not be placed).</summary>
    public double? Start { get; init; }

    /// <summary>End in seconds.</summary>
    public double? End { get; init; }

    /// <summary>How strongly the audio supports the word, in [0, 1] (goodness-of-pronunciation posterior ratio).</summary>
    public required double Confidence { get; init; }

    /// <summary>Whether the audio supports the word, at the model's word threshold.</summary>
    public required bool Match { get; init; }
}
