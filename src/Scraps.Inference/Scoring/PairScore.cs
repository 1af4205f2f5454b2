namespace Scraps.Inference.Scoring;

/// <summary>
/// How well one clip realises one phoneme sequence: the raw SCRAPS score (the paper's dot product of the two vectors),
/// the calibrated match probability and the decision. With a model that has the CTC head, probability and match come
/// from the verdict calibration (score + alignment), <see cref="AlignmentScore"/> is set, and <see cref="Words"/> when
/// per-word answers were asked for.
/// </summary>
public sealed record PairScore(double Score, double Probability, bool Match)
{
    /// <summary>Mean goodness of pronunciation of the sequence's phones on the CTC alignment (at most 0); null without the head.</summary>
    public double? AlignmentScore { get; init; }

    /// <summary>The verdict's log-odds (score and alignment combined); null without the head. Orders candidates where probabilities saturate.</summary>
    public double? VerdictLogit { get; init; }

    /// <summary>Per-word answers in transcript order, when asked for.</summary>
    public IReadOnlyList<WordScore>? Words { get; init; }
}

/// <summary>One word of a transcript against the clip.</summary>
/// <param name="Word">The word as written (or the X-SAMPA of a word of a phoneme string).</param>
/// <param name="Phonemes">Its phonemes, X-SAMPA, as in the scored sequence.</param>
/// <param name="Start">Start in seconds on the CTC alignment; null when it has no phone of its own or could not be aligned.</param>
/// <param name="End">End in seconds.</param>
/// <param name="Confidence">exp(mean goodness of pronunciation of its phones), in [0, 1].</param>
/// <param name="Match">Whether the audio supports it (goodness at or above the package's word threshold).</param>
public sealed record WordScore(string Word, string Phonemes, double? Start, double? End, double Confidence, bool Match)
{
    /// <summary>The word's goodness of pronunciation alone (mean log posterior ratio of its phones on the CTC alignment, at most 0).</summary>
    public double Goodness { get; init; }

    /// <summary>The matching head's logit of the word alone (its least supported phone's); null when the model's verdict does not read a matching head.</summary>
    public double? MatchLogit { get; init; }
}
