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
    public static AlignmentReport Align(PhonePosteriors posteriors, ReadOnlySpan<long> ids, PhonemeInventory inventory, IReadOnlyList<TranscriptWord> words)
    {
        ArgumentNullException.ThrowIfNull(posteriors);
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(words);
        var positions = new List<int>();
        var phones = new List<int>();
        for (var i = 0; i < ids.Length; i++)
        {
            if (inventory[(int)ids[i]].Kind != PhonemeKind.Phone) continue;
            positions.Add(i);
            phones.Add((int)ids[i]);
        }
        var alignment = CtcForcedAligner.Align(posteriors.LogProbs, posteriors.Steps, posteriors.Classes, phones.ToArray());
        if (alignment is null)
        {
            var failed = words.Select(w => new WordAlignment(w, null, null, CtcForcedAligner.FloorLogProbability, PhonesIn(w, positions))).ToArray();
            return new AlignmentReport(CtcForcedAligner.FloorLogProbability, failed, Feasible: false);
        }

        var result = new WordAlignment[words.Count];
        for (var w = 0; w < words.Count; w++)
        {
            var word = words[w];
            var mine = Enumerable.Range(0, positions.Count).Where(k => positions[k] >= word.Start && positions[k] < word.End).ToArray();
            if (mine.Length == 0)
            {
                result[w] = new WordAlignment(word, null, null, alignment.Phones.Count == 0 ? 0 : alignment.Phones.Average(p => p.Goodness), 0);
                continue;
            }
            var aligned = mine.Select(k => alignment.Phones[k]).ToArray();
            result[w] = new WordAlignment(
                word,
                aligned[0].StartStep * posteriors.StepSeconds,
                aligned[^1].EndStep * posteriors.StepSeconds,
                aligned.Average(p => p.Goodness),
                aligned.Length);
        }
        return new AlignmentReport(alignment.Phones.Average(p => p.Goodness), result, Feasible: true);
    }

    private static int PhonesIn(TranscriptWord word, List<int> positions) => positions.Count(p => p >= word.Start && p < word.End);
}
