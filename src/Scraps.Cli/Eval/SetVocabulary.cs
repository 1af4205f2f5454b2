using Scraps.Phonetics;
using Scraps.Phonetics.Lexicon;

namespace Scraps.Cli.Eval;

/// <summary>
/// The words a set's transcripts use, each with its phones (phonemised alone): one-word edits drawn from the set
/// itself. A close edit replaces a word by a set word one phone away (TESS's 200 words hold some 200 such pairs:
/// bean/keen, dime/time); a plain one by any other set word. Substituted words keep the case of the first letter.
/// </summary>
internal sealed class SetVocabulary
{
    private readonly IPhonemizer _phonemizer;
    private readonly Dictionary<string, int[]> _phones = new(StringComparer.Ordinal);
    private readonly string[] _words;

    public SetVocabulary(IEnumerable<string> transcripts, IPhonemizer phonemizer)
    {
        _phonemizer = phonemizer;
        foreach (var word in transcripts.SelectMany(NearMissEdits.Tokens).Select(NearMissEdits.Core).Where(NearMissEdits.IsPlainWord).Select(w => w.ToLowerInvariant()).Distinct())
        {
            if (Phones(word) is { Length: > 0 } p)
            {
                _phones[word] = p;
            }
        }
        _words = _phones.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    public int Count => _words.Length;

    /// <summary>The transcript with one word replaced and that word's index among the spoken words; null when no word has a replacement.</summary>
    public (string Text, int Word)? Substitute(string text, Random random, bool close)
    {
        var tokens = NearMissEdits.Tokens(text);
        var order = Enumerable.Range(0, tokens.Length).Where(i => NearMissEdits.IsPlainWord(NearMissEdits.Core(tokens[i]))).OrderBy(_ => random.Next()).ToArray();
        foreach (var i in order)
        {
            var core = NearMissEdits.Core(tokens[i]);
            var key = core.ToLowerInvariant();
            if (!_phones.TryGetValue(key, out var mine))
            {
                continue;
            }

            var options = _words.Where(w => w != key && (!close || PhoneEditDistance.Compute(_phones[w], mine, bound: 2) == 1)).ToArray();
            if (options.Length == 0)
            {
                continue;
            }

            return (NearMissEdits.WithWordReplaced(tokens, i, core, options[random.Next(options.Length)]), NearMissEdits.SpokenWordsBefore(tokens, i, _phonemizer));
        }
        return null;
    }

    private int[]? Phones(string word)
    {
        try
        {
            return _phonemizer.Phonemize(word).Symbols.Where(s => s.Kind == PhonemeKind.Phone).Select(s => s.Id).ToArray();
        }
        catch (PhonemeInputException)
        {
            return null;
        }
    }
}
