using Scraps.Phonetics.Words;

namespace Scraps.Inference.Alignment;

/// <summary>How a clip's CTC posteriors support a phoneme sequence, word by word.</summary>
/// <param name="Score">
/// The utterance alignment score: the mean goodness of pronunciation of its phones (0 when the model hears every phone
/// where the path puts it; the floor, -30, when the phones cannot be aligned at all).
/// </param>
/// <param name="Words">One entry per word asked about, in order.</param>
public sealed record AlignmentReport(double Score, IReadOnlyList<WordAlignment> Words)
{
    /// <summary>
    /// Share of the clip's steps that the path leaves to the blank while the head hears a phone there (a phone more
    /// likely than not): speech the transcript does not account for, as when it leaves out a word. 0 when it explains
    /// everything it hears, or when the alignment failed.
    /// </summary>
    public double Unexplained { get; init; }

    /// <summary>The lowest word goodness (the utterance score when there are no words).</summary>
    public double MinWordGoodness => Words.Count == 0 ? Score : Words.Min(w => w.Goodness);
}

/// <summary>One word on the alignment path.</summary>
/// <param name="StartSeconds">Start of the first step its phones hold; null when it has no phone or the alignment failed.</param>
/// <param name="EndSeconds">End of the last step its phones hold.</param>
/// <param name="Goodness">Mean goodness of pronunciation of its phones (log posterior ratio, at most 0).</param>
public sealed record WordAlignment(TranscriptWord Word, double? StartSeconds, double? EndSeconds, double Goodness)
{
    /// <summary>exp(goodness): 1 when every phone of the word is the most likely class where it is aligned.</summary>
    public double Confidence => Math.Exp(Goodness);
}
