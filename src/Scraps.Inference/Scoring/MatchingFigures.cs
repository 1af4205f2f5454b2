using Scraps.Phonetics;
using Scraps.Phonetics.Words;

namespace Scraps.Inference.Scoring;

/// <summary>
/// Reads the matching head's per-token logits: a word's logit is its least supported phone's, a pair's the soft minimum
/// over all its phones (-ln Σ e^-x: one unsupported phone is enough to pull it down), as the head was trained.
/// </summary>
public static class MatchingFigures
{
    public static double PairLogit(float[] logits, long[] ids, PhonemeInventory inventory)
    {
        var sum = 0.0;
        var min = double.PositiveInfinity;
        for (var i = 0; i < ids.Length && i < logits.Length; i++)
        {
            if (inventory[(int)ids[i]].Kind != PhonemeKind.Phone)
            {
                continue;
            }

            min = Math.Min(min, logits[i]);
        }
        if (double.IsPositiveInfinity(min))
        {
            return 0;
        }

        for (var i = 0; i < ids.Length && i < logits.Length; i++)
        {
            if (inventory[(int)ids[i]].Kind == PhonemeKind.Phone)
            {
                sum += Math.Exp(-(logits[i] - min));
            }
        }
        return min - Math.Log(sum);
    }

    /// <summary>The lowest phone logit of one word (its token range), or null when it has no phone.</summary>
    public static double? WordLogit(float[] logits, long[] ids, PhonemeInventory inventory, TranscriptWord word)
    {
        double? min = null;
        for (var i = word.Start; i < word.End && i < logits.Length; i++)
        {
            if (inventory[(int)ids[i]].Kind == PhonemeKind.Phone)
            {
                min = Math.Min(min ?? double.PositiveInfinity, logits[i]);
            }
        }
        return min;
    }
}
