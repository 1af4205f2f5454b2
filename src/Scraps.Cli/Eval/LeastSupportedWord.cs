using Scraps.Inference.Scoring;

namespace Scraps.Cli.Eval;

/// <summary>
/// Which word of a scored transcript the model supports least, by the shipped word confidence or by one of its parts
/// (goodness of pronunciation, the matching head): the localisation figures of both benchmarks.
/// </summary>
internal static class LeastSupportedWord
{
    /// <summary>The shipped per-word confidence (what the API returns).</summary>
    public static readonly Func<WordScore, double?> Confidence = w => w.Confidence;

    /// <summary>Goodness of pronunciation alone, on the CTC alignment.</summary>
    public static readonly Func<WordScore, double?> Goodness = w => w.Goodness;

    /// <summary>The matching head's word logit alone (null without a matching head).</summary>
    public static readonly Func<WordScore, double?> Matching = w => w.MatchLogit;

    /// <summary>Index of the word with the lowest <paramref name="key"/> among those aligned to frames (the first on ties); -1 when none.</summary>
    public static int Of(IReadOnlyList<WordScore> words, Func<WordScore, double?> key)
    {
        var best = -1;
        for (var j = 0; j < words.Count; j++)
        {
            if (words[j].Start is null)
            {
                continue;
            }

            if (best < 0 || key(words[j]) < key(words[best]))
            {
                best = j;
            }
        }
        return best;
    }

    /// <summary>Whether every aligned word has a value for <paramref name="key"/> (the matching part needs a matching head).</summary>
    public static bool Defined(IReadOnlyList<WordScore> words, Func<WordScore, double?> key) =>
        words.All(w => w.Start is null || key(w) is not null);
}
