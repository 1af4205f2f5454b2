using Scraps.Phonetics;
using Scraps.Phonetics.Lexicon;

namespace Scraps.Cli.Eval;

/// <summary>
/// One-word edits of a transcript, made on the text (so they go through the same G2P as the original): a word replaced
/// by a phonetically close lexicon word ("phone" -> "bone", 1 phone away for short words, 1-2 for longer), a word
/// deleted, or a random lexicon word inserted. Surrounding punctuation and the capital of a replaced word are kept.
/// The evaluation's own edits, independent of the trainer's token-level hard negatives.
/// </summary>
internal sealed class NearMissEdits(NearMissFinder finder, IPhonemizer phonemizer)
{
    private readonly Dictionary<string, string[]> _closeWords = new(StringComparer.Ordinal);

    public NearMissFinder Finder => finder;

    /// <summary>A close-word substitution and the index of the replaced word among the words of the result; null when no word has a close neighbour.</summary>
    public (string Text, int Word)? Substitute(string text, Random random)
    {
        var tokens = Tokens(text);
        var order = Enumerable.Range(0, tokens.Length).Where(i => IsPlainWord(Core(tokens[i]))).OrderBy(_ => random.Next()).ToArray();
        foreach (var i in order)
        {
            var core = Core(tokens[i]);
            var options = CloseWords(core.ToLowerInvariant());
            if (options.Length == 0)
            {
                continue;
            }

            return (WithWordReplaced(tokens, i, core, options[random.Next(options.Length)]), SpokenWordsBefore(tokens, i));
        }
        return null;
    }

    /// <summary>The transcript with one word left out; null for a one-word transcript.</summary>
    public string? Delete(string text, Random random)
    {
        var tokens = Tokens(text);
        var words = Enumerable.Range(0, tokens.Length).Where(i => IsPlainWord(Core(tokens[i]))).ToArray();
        if (words.Length < 2)
        {
            return null;
        }

        var drop = words[random.Next(words.Length)];
        return string.Join(' ', tokens.Where((_, i) => i != drop));
    }

    /// <summary>The transcript with a random lexicon word added between two words (or at an end).</summary>
    public string Insert(string text, Random random)
    {
        var tokens = Tokens(text).ToList();
        var word = finder.Lexicon.Entries[random.Next(finder.Lexicon.Entries.Count)].Word;
        tokens.Insert(random.Next(tokens.Count + 1), word);
        return string.Join(' ', tokens);
    }

    private string[] CloseWords(string word)
    {
        if (!_closeWords.TryGetValue(word, out var found))
        {
            try
            {
                var phones = PronunciationLexicon.ToEntry(word, phonemizer.Phonemize(word)).Phones;
                found = finder.Find(phones, exceptWord: word).Select(f => f.Entry.Word).Where(w => w.All(char.IsLetter)).ToArray();
            }
            catch (PhonemeInputException)
            {
                found = [];
            }
            _closeWords[word] = found;
        }
        return found;
    }

    internal int SpokenWordsBefore(string[] tokens, int index) => SpokenWordsBefore(tokens, index, phonemizer);

    /// <summary>The transcript with word <paramref name="index"/>'s letters <paramref name="core"/> replaced (punctuation and a capital kept).</summary>
    internal static string WithWordReplaced(string[] tokens, int index, string core, string replacement)
    {
        if (char.IsUpper(core[0]))
        {
            replacement = char.ToUpperInvariant(replacement[0]) + replacement[1..];
        }

        var edited = (string[])tokens.Clone();
        edited[index] = tokens[index].Replace(core, replacement, StringComparison.Ordinal);
        return string.Join(' ', edited);
    }

    /// <summary>Words (as <see cref="Scraps.Phonetics.Words.TranscriptWords"/> counts them) before token <paramref name="index"/>.</summary>
    internal static int SpokenWordsBefore(string[] tokens, int index, IPhonemizer phonemizer)
    {
        var count = 0;
        for (var i = 0; i < index; i++)
        {
            if (Core(tokens[i]).Length == 0)
            {
                continue;
            }

            try
            {
                if (phonemizer.Phonemize(tokens[i]).Symbols.Any(s => s.Kind == PhonemeKind.Phone))
                {
                    count++;
                }
            }
            catch (PhonemeInputException)
            {
            }
        }
        return count;
    }

    internal static string[] Tokens(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    internal static string Core(string token) => token.Trim('"', '\'', ',', '.', '!', '?', ';', ':', '(', ')', '[', ']', '{', '}', '«', '»', '“', '”', '‘', '’', '…', '-', '—', '–');

    internal static bool IsPlainWord(string core) => core.Length >= 2 && core.All(char.IsLetter);
}
