using System.Text.RegularExpressions;

namespace Scraps.Cli.Eval;

/// <summary>
/// Hard negatives the paper did not try: a transcript with one of its words, chosen at random, replaced by another
/// word of the manifest's vocabulary (the lower-cased words of every transcript). Punctuation and the other words stay
/// as they were, so the near-miss differs from the truth by one word only.
/// </summary>
internal sealed partial class WordSwap
{
    private readonly string[] _vocabulary;

    /// <param name="transcripts">Transcripts whose words make the vocabulary (order does not matter).</param>
    public WordSwap(IEnumerable<string> transcripts)
    {
        ArgumentNullException.ThrowIfNull(transcripts);
        _vocabulary = transcripts
            .SelectMany(t => WordPattern().Matches(t).Select(m => m.Value.ToLowerInvariant()))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Distinct lower-cased words, in ordinal order.</summary>
    public IReadOnlyList<string> Vocabulary => _vocabulary;

    /// <summary>
    /// Replaces one random word of <paramref name="text"/> by a different vocabulary word (capitalised when the original
    /// was). False when the text has no word or the vocabulary has no other word.
    /// </summary>
    public bool TrySwap(string text, Random random, out string swapped)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(random);
        swapped = text;
        var words = WordPattern().Matches(text);
        if (words.Count == 0 || _vocabulary.Length < 2)
        {
            return false;
        }

        var word = words[random.Next(words.Count)];
        var original = word.Value.ToLowerInvariant();
        string replacement;
        do
        {
            replacement = _vocabulary[random.Next(_vocabulary.Length)];
        }
        while (string.Equals(replacement, original, StringComparison.Ordinal));

        if (char.IsUpper(word.Value[0]))
        {
            replacement = char.ToUpperInvariant(replacement[0]) + replacement[1..];
        }

        swapped = string.Concat(text.AsSpan(0, word.Index), replacement, text.AsSpan(word.Index + word.Length));
        return true;
    }

    /// <summary>A word: letters, with inner apostrophes or hyphens (don't, well-known).</summary>
    [GeneratedRegex(@"\p{L}+(?:['’-]\p{L}+)*")]
    private static partial Regex WordPattern();
}
