using Scraps.Inference.Encoders;
using Scraps.Phonetics;
using Scraps.Phonetics.Words;

namespace Scraps.Inference.Alignment;

/// <summary>
/// Aligns a phoneme sequence to a clip's CTC posteriors (<see cref="CtcForcedAligner"/>) and reads off, per word,
/// its time span and goodness of pronunciation. Stress marks, word boundaries and pauses are not aligned (they are
/// not CTC targets, see the trainer's CtcPhoneLoss); a word is timed by its phones.
/// </summary>
public static class WordAligner
{
    /// <param name="ids">The sequence's token ids (the inventory's).</param>
    /// <param name="words">Token ranges of the words to report (e.g. <see cref="TranscriptWords"/>).</param>
    public static AlignmentReport Align(PhonePosteriors posteriors, ReadOnlySpan<long> ids, PhonemeInventory inventory, IReadOnlyList<TranscriptWord> words) =>
        Align(posteriors, ids, inventory, [words])[0];

    /// <summary>
    /// One Viterbi pass, reported under each grouping of the tokens into words (e.g. espeak-ng's groups for the verdict
    /// and the written words for the per-word answer): the path does not depend on the grouping.
    /// </summary>
    public static AlignmentReport[] Align(PhonePosteriors posteriors, ReadOnlySpan<long> ids, PhonemeInventory inventory, params ReadOnlySpan<IReadOnlyList<TranscriptWord>> groupings)
    {
        ArgumentNullException.ThrowIfNull(posteriors);
        ArgumentNullException.ThrowIfNull(inventory);
        var positions = new List<int>();
        var phones = new List<int>();
        for (var i = 0; i < ids.Length; i++)
        {
            if (inventory[(int)ids[i]].Kind != PhonemeKind.Phone)
            {
                continue;
            }

            positions.Add(i);
            phones.Add((int)ids[i]);
        }
        var alignment = CtcForcedAligner.Align(posteriors.LogProbs, posteriors.Steps, posteriors.Classes, phones.ToArray());
        var reports = new AlignmentReport[groupings.Length];
        for (var g = 0; g < groupings.Length; g++)
        {
            ArgumentNullException.ThrowIfNull(groupings[g]);
            reports[g] = alignment is null ? Failed(groupings[g]) : Report(alignment, positions, posteriors, inventory, groupings[g]) with
            {
                Unexplained = Unexplained(alignment, posteriors),
            };
        }
        return reports;
    }

    /// <summary>
    /// The best goodness of a function word's reduced forms (<see cref="WeakForms"/>) over the steps its strong form holds
    /// (one step of margin each side): "are" said as a bare r-coloured vowel is not a wrong word. -infinity when the word
    /// has none.
    /// </summary>
    private static double WeakFormGoodness(AlignedPhone[] strong, PhonePosteriors posteriors, PhonemeInventory inventory)
    {
        var forms = WeakForms.Of(strong.Select(p => p.Phone).ToArray(), inventory);
        if (forms.Count == 0)
        {
            return double.NegativeInfinity;
        }

        var first = Math.Max(0, strong[0].StartStep - 1);
        var end = Math.Min(posteriors.Steps, strong[^1].EndStep + 1);
        var window = posteriors.LogProbs.AsSpan(first * posteriors.Classes, (end - first) * posteriors.Classes);
        var best = double.NegativeInfinity;
        foreach (var form in forms)
        {
            if (CtcForcedAligner.Align(window, end - first, posteriors.Classes, form) is { } path)
            {
                best = Math.Max(best, path.Phones.Average(p => p.Goodness));
            }
        }
        return best;
    }

    /// <summary>Share of steps outside every aligned phone whose most likely class is a phone with probability above one half.</summary>
    internal static double Unexplained(CtcAlignment alignment, PhonePosteriors posteriors)
    {
        var held = new bool[posteriors.Steps];
        foreach (var phone in alignment.Phones)
        {
            for (var t = Math.Max(0, phone.StartStep); t < Math.Min(phone.EndStep, posteriors.Steps); t++)
            {
                held[t] = true;
            }
        }
        var heard = 0;
        var half = Math.Log(0.5);
        for (var t = 0; t < posteriors.Steps; t++)
        {
            if (held[t])
            {
                continue;
            }

            var row = posteriors.LogProbs.AsSpan(t * posteriors.Classes, posteriors.Classes);
            var best = 0;
            for (var c = 1; c < row.Length; c++)
            {
                if (row[c] > row[best])
                {
                    best = c;
                }
            }

            if (best != 0 && row[best] > half)
            {
                heard++;
            }
        }
        return posteriors.Steps == 0 ? 0 : (double)heard / posteriors.Steps;
    }

    private static AlignmentReport Failed(IReadOnlyList<TranscriptWord> words) => new(
        CtcForcedAligner.FloorLogProbability,
        words.Select(w => new WordAlignment(w, null, null, CtcForcedAligner.FloorLogProbability)).ToArray());

    /// <param name="positions">Token index of each aligned phone.</param>
    private static AlignmentReport Report(CtcAlignment alignment, List<int> positions, PhonePosteriors posteriors, PhonemeInventory inventory, IReadOnlyList<TranscriptWord> words)
    {
        var stepSeconds = posteriors.StepSeconds;
        // Align returns null without phones, so the path has at least one.
        var utterance = alignment.Phones.Average(p => p.Goodness);
        var result = new WordAlignment[words.Count];
        for (var w = 0; w < words.Count; w++)
        {
            var word = words[w];
            var mine = Enumerable.Range(0, positions.Count).Where(k => positions[k] >= word.Start && positions[k] < word.End).ToArray();
            if (mine.Length == 0)
            {
                result[w] = new WordAlignment(word, null, null, utterance);
                continue;
            }
            var aligned = mine.Select(k => alignment.Phones[k]).ToArray();
            result[w] = new WordAlignment(
                word,
                aligned[0].StartStep * stepSeconds,
                aligned[^1].EndStep * stepSeconds,
                Math.Max(aligned.Average(p => p.Goodness), WeakFormGoodness(aligned, posteriors, inventory)));
        }
        return new AlignmentReport(utterance, result);
    }
}
