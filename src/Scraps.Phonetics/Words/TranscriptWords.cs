using Scraps.Phonetics.Lexicon;

namespace Scraps.Phonetics.Words;

/// <summary>One word of a transcript and the tokens of the phonemised transcript that say it.</summary>
/// <param name="Text">The word as written (surrounding punctuation removed), or the X-SAMPA of a group of phonemes.</param>
/// <param name="Start">First token (a stress mark or phone) of the word in the sequence.</param>
/// <param name="End">One past its last token; equal to <paramref name="Start"/> when no phone of the sequence belongs to it.</param>
public sealed record TranscriptWord(string Text, int Start, int End)
{
    public bool IsEmpty => End <= Start;
}

/// <summary>A phonemised transcript with its words.</summary>
public sealed record PhonemizedTranscript(PhonemeSequence Sequence, IReadOnlyList<TranscriptWord> Words);

/// <summary>
/// Finds which tokens of a phonemised transcript say which written word. espeak-ng joins some words into one group
/// ("of the" -> one word of phonemes) and expands others into several ("123" -> "one hundred and twenty three"), so
/// groups cannot simply be counted: every written word is phonemised alone, and those phones are aligned to the
/// transcript's phones by edit distance; each transcript phone takes the word of the phone it is aligned with.
/// </summary>
public static class TranscriptWords
{
    /// <exception cref="PhonemeInputException">The transcript itself cannot be phonemised.</exception>
    public static PhonemizedTranscript Phonemize(IPhonemizer phonemizer, string text)
    {
        ArgumentNullException.ThrowIfNull(phonemizer);
        ArgumentNullException.ThrowIfNull(text);
        var sequence = phonemizer.Phonemize(text);
        var written = new List<(string Text, int[] Phones)>();
        foreach (var raw in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var display = raw.Trim('"', '\'', ',', '.', '!', '?', ';', ':', '(', ')', '[', ']', '{', '}', '«', '»', '“', '”', '‘', '’', '…', '-', '—', '–');
            if (display.Length == 0)
            {
                continue;
            }

            try
            {
                var phones = phonemizer.Phonemize(raw).Symbols.Where(s => s.Kind == PhonemeKind.Phone).Select(s => s.Id).ToArray();
                if (phones.Length > 0)
                {
                    written.Add((display, phones));
                }
            }
            catch (PhonemeInputException)
            {
                // Nothing espeak-ng says for it alone (a symbol): not a word of the answer.
            }
        }
        return new PhonemizedTranscript(sequence, Assign(sequence, written));
    }

    /// <summary>Words of a phoneme string a user sent: the runs between word boundaries and pauses, named by their X-SAMPA.</summary>
    public static PhonemizedTranscript FromPhonemes(PhonemeSequence sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var words = new List<TranscriptWord>();
        var start = -1;
        for (var i = 0; i <= sequence.Length; i++)
        {
            var inWord = i < sequence.Length && sequence.Symbols[i].Kind is PhonemeKind.Phone or PhonemeKind.Stress;
            if (inWord && start < 0)
            {
                start = i;
            }

            if (!inWord && start >= 0)
            {
                words.Add(new TranscriptWord(string.Join(' ', sequence.Symbols.Skip(start).Take(i - start).Select(s => s.XSampa)), start, i));
                start = -1;
            }
        }
        return new PhonemizedTranscript(sequence, words);
    }

    private static List<TranscriptWord> Assign(PhonemeSequence sequence, List<(string Text, int[] Phones)> written)
    {
        // Transcript phones (with their token positions) against the written words' phones laid end to end.
        var positions = Enumerable.Range(0, sequence.Length).Where(i => sequence.Symbols[i].Kind == PhonemeKind.Phone).ToArray();
        var target = positions.Select(i => sequence.Symbols[i].Id).ToArray();
        var source = written.SelectMany(w => w.Phones).ToArray();
        var owner = written.SelectMany((w, j) => Enumerable.Repeat(j, w.Phones.Length)).ToArray();
        var wordOf = AlignOwners(target, source, owner);

        var words = new List<TranscriptWord>(written.Count);
        var next = 0;
        for (var j = 0; j < written.Count; j++)
        {
            var mine = Enumerable.Range(0, target.Length).Where(k => wordOf[k] == j).ToArray();
            if (mine.Length == 0)
            {
                words.Add(new TranscriptWord(written[j].Text, next, next));
                continue;
            }
            var start = positions[mine[0]];
            var end = positions[mine[^1]] + 1;
            // A stress mark just before the word's first phone belongs to the word.
            while (start > 0 && sequence.Symbols[start - 1].Kind == PhonemeKind.Stress)
            {
                start--;
            }

            words.Add(new TranscriptWord(written[j].Text, start, end));
            next = end;
        }
        return words;
    }

    /// <summary>For each target phone, the owner of the source phone aligned with it (edit-distance alignment, monotonic).</summary>
    private static int[] AlignOwners(int[] target, int[] source, int[] owner)
    {
        int n = target.Length, m = source.Length;
        var result = new int[n];
        if (m == 0)
        {
            Array.Fill(result, -1);
            return result;
        }
        var cost = EditDistanceTable.Build(target, source);
        Array.Fill(result, -1);
        for (int i = n, j = m; i > 0;)
        {
            if (j > 0 && cost[i, j] == cost[i - 1, j - 1] + (target[i - 1] == source[j - 1] ? 0 : 1))
            {
                result[i - 1] = owner[j - 1];
                i--;
                j--;
            }
            else if (cost[i, j] == cost[i - 1, j] + 1 || j == 0)
            {
                i--; // a transcript phone no written word has: it takes a neighbour's word below
            }
            else
            {
                j--;
            }
        }
        // Unaligned transcript phones join the word before them (the word after, at the start).
        for (var i = 0; i < n; i++)
        {
            if (result[i] < 0 && i > 0)
            {
                result[i] = result[i - 1];
            }
        }

        for (var i = n - 1; i >= 0; i--)
        {
            if (result[i] < 0)
            {
                result[i] = i + 1 < n ? result[i + 1] : owner[^1];
            }
        }
        // Keep the owners non-decreasing (an alignment is monotonic; ties in the back-trace could still cross).
        for (var i = 1; i < n; i++)
        {
            result[i] = Math.Max(result[i], result[i - 1]);
        }

        return result;
    }
}
