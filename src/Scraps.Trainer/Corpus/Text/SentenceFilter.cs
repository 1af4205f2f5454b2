using System.Text;
using System.Text.RegularExpressions;

namespace Scraps.Trainer.Corpus.Text;

/// <summary>
/// Keeps sentences that every synthesizer and espeak-ng's phonemizer read the same way, of a length that gives
/// roughly 1-20 s of speech: plain ASCII letters and clause punctuation only (no digits, URLs, code, symbols),
/// no all-capital words (acronyms are spelled by some engines and read by others), no abbreviations.
/// </summary>
internal static partial class SentenceFilter
{
    public const int MinCharacters = 12;
    public const int MaxCharacters = 220;
    public const int MinWords = 3;
    public const int MaxWords = 40;
    private const int MaxWordLength = 18;

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "prof", "rev", "gen", "col", "capt", "lt", "sgt", "mt", "no", "etc", "inc", "ltd", "co",
    };

    /// <summary>The cleaned sentence, or null when it should not be spoken.</summary>
    public static string? Clean(string sentence)
    {
        var text = Tidy(sentence);
        if (text.Length is < MinCharacters or > MaxCharacters || !char.IsAsciiLetter(text[0]) || text[^1] is not ('.' or '!' or '?'))
        {
            return null;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetter(c) || c is ' ' or '\'' or '-' or ',' or '.' or ';' or ':' or '!' or '?'))
            {
                return null;
            }
        }

        if (SpeakerLabel().IsMatch(text) || InnerPeriod().IsMatch(text) || text.Contains("''", StringComparison.Ordinal))
        {
            return null;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < MinWords or > MaxWords)
        {
            return null;
        }

        foreach (var raw in words)
        {
            var word = raw.Trim(',', '.', ';', ':', '!', '?', '\'', '-');
            if (word.Length == 0 ? raw.Any(char.IsAsciiLetter) : !IsPlainWord(word))
            {
                return null;
            }

            if (raw.EndsWith('.') && Abbreviations.Contains(word))
            {
                return null;
            }
        }

        return text;
    }

    private static bool IsPlainWord(string word)
    {
        if (word.Length > MaxWordLength || word.StartsWith('-') || word.Contains("--", StringComparison.Ordinal))
        {
            return false;
        }

        var upper = word.Count(char.IsAsciiLetterUpper);
        var letters = word.Count(char.IsAsciiLetter);
        if ((letters == 1 && word is not ("a" or "A" or "I" or "O")) || TripleLetter().IsMatch(word))
        {
            return false;
        }

        return letters > 0 && !(upper >= 2 && upper == letters) && (upper <= 1 || letters > upper + 1);
    }

    /// <summary>Drops quotes and brackets, turns dashes used as pauses into commas, collapses spaces.</summary>
    private static string Tidy(string sentence)
    {
        var builder = new StringBuilder(sentence.Length);
        foreach (var c in sentence.Replace("--", ", ", StringComparison.Ordinal).Replace(" - ", ", ", StringComparison.Ordinal))
        {
            if (c is '"' or '(' or ')' or '[' or ']')
            {
                continue;
            }

            builder.Append(c);
        }

        var text = Spaces().Replace(builder.ToString(), " ").Trim();
        text = SpaceBeforePunctuation().Replace(text, "$1");
        return RepeatedCommas().Replace(text, ",").Trim(' ', ',', ';', ':', '\'');
    }

    [GeneratedRegex(@"^[A-Za-z]+:")]
    private static partial Regex SpeakerLabel();

    [GeneratedRegex(@"[A-Za-z]\.[A-Za-z]")]
    private static partial Regex InnerPeriod();

    [GeneratedRegex(@"([A-Za-z])\1\1")]
    private static partial Regex TripleLetter();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+([,.;:!?])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@",(\s*,)+")]
    private static partial Regex RepeatedCommas();
}
