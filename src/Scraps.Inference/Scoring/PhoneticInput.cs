using Scraps.Phonetics.Words;

namespace Scraps.Inference.Scoring;

/// <summary>A phoneme sequence ready for the phonetic encoder: inventory ids and their X-SAMPA spelling.</summary>
public sealed record PhoneticInput(long[] Ids, string XSampa)
{
    public int Length => Ids.Length;

    /// <summary>The written words and the tokens that say each (when asked for: per-word answers), else null.</summary>
    public IReadOnlyList<TranscriptWord>? Words { get; init; }
}
