namespace Scraps.Client;

/// <summary>One word of a transcript against the clip (<c>POST /v1/score?words=true</c>).</summary>
public sealed record WordResult
{
    /// <summary>The word as written (for a phoneme string: the X-SAMPA of a word between boundaries).</summary>
    public required string Word { get; init; }

    /// <summary>Its phonemes, X-SAMPA, as scored.</summary>
    public required string Phonemes { get; init; }

    /// <summary>Start in seconds on the CTC alignment (null when it could not be placed).</summary>
    public double? Start { get; init; }

    /// <summary>End in seconds.</summary>
    public double? End { get; init; }

    /// <summary>How strongly the audio supports the word, in [0, 1].</summary>
    public required double Confidence { get; init; }

    /// <summary>Whether the audio supports the word, at the model's word threshold.</summary>
    public required bool Match { get; init; }
}
