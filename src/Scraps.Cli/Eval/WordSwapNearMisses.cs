using Scraps.Phonetics;

namespace Scraps.Cli.Eval;

/// <summary>
/// Phoneme sequences of one-word-swapped transcripts (see <see cref="WordSwap"/>), phonemised like the originals. A
/// swap that sounds the same (a homophone, or a word espeak-ng reads identically) is no near-miss: another is tried.
/// </summary>
internal sealed class WordSwapNearMisses(WordSwap swap, IPhonemizer phonemizer, int maxPhonemes)
{
    /// <summary>Swaps tried per pair before giving up on it.</summary>
    public const int Attempts = 5;

    public int VocabularySize => swap.Vocabulary.Count;

    /// <summary>
    /// The ids of a word-swapped transcript of <paramref name="pair"/> that differ from its own ids; null when the pair
    /// has no transcript (X-SAMPA lines) or no usable swap was found.
    /// </summary>
    public long[]? TryCreate(EvalPair pair, Random random)
    {
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(random);
        if (pair.Text is null)
        {
            return null;
        }

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (!swap.TrySwap(pair.Text, random, out var swapped))
            {
                return null;
            }

            long[] ids;
            try
            {
                ids = Array.ConvertAll(phonemizer.Phonemize(swapped).ToIds(), id => (long)id);
            }
            catch (PhonemeInputException)
            {
                continue;
            }

            if (ids.Length <= maxPhonemes && !ids.AsSpan().SequenceEqual(pair.Phonemes))
            {
                return ids;
            }
        }

        return null;
    }
}
