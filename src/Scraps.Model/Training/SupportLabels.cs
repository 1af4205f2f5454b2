using Scraps.Phonetics.Lexicon;

namespace Scraps.Model.Training;

/// <summary>
/// Which phones of a near miss the clip supports: the near miss is aligned to the clip's own transcript by edit
/// distance (on token ids), and each of its phones is supported (1) where the alignment matches it to the same phone,
/// unsupported (0) where it is substituted or inserted: the close word's changed phones, an inserted word, swapped
/// words, replaced phones. A deleted word leaves no phone to blame (every remaining phone is supported): only the pair's
/// own label says that something is missing. Tokens that are not phones (stress, word boundaries, pauses) and padding
/// are <see cref="Ignore"/>.
/// </summary>
public static class SupportLabels
{
    public const long Ignore = -1;

    /// <summary>Labels of the transcript itself: every phone supported.</summary>
    public static void OfTranscript(ReadOnlySpan<int> tokens, Func<int, bool> isPhone, Span<long> labels)
    {
        labels.Fill(Ignore);
        for (var i = 0; i < tokens.Length; i++)
        {
            if (isPhone(tokens[i]))
            {
                labels[i] = 1;
            }
        }
    }

    /// <summary>Labels of <paramref name="nearMiss"/> against <paramref name="original"/> (see the class summary).</summary>
    public static void OfNearMiss(ReadOnlySpan<int> nearMiss, ReadOnlySpan<int> original, Func<int, bool> isPhone, Span<long> labels)
    {
        labels.Fill(Ignore);
        int n = nearMiss.Length, m = original.Length;
        var cost = EditDistanceTable.Build(nearMiss, original);

        // Back from the end: prefer a match, then a substitution, then the near miss's insertion, then a deletion.
        int a = n, b = m;
        while (a > 0)
        {
            if (b > 0 && nearMiss[a - 1] == original[b - 1] && cost[a, b] == cost[a - 1, b - 1])
            {
                labels[a - 1] = isPhone(nearMiss[a - 1]) ? 1 : Ignore;
                a--;
                b--;
            }
            else if (b > 0 && cost[a, b] == cost[a - 1, b - 1] + 1)
            {
                labels[a - 1] = isPhone(nearMiss[a - 1]) ? 0 : Ignore;
                a--;
                b--;
            }
            else if (cost[a, b] == cost[a - 1, b] + 1)
            {
                labels[a - 1] = isPhone(nearMiss[a - 1]) ? 0 : Ignore;
                a--;
            }
            else
            {
                b--;
            }
        }
    }
}
