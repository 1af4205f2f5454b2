using System.Text;

namespace Scraps.Trainer.Corpus.Text;

/// <summary>
/// Splits a paragraph into sentences at '.', '!' or '?' (with any closing quotes or brackets) followed by
/// white space and a capital letter, an opening quote or the end, except after common abbreviations.
/// </summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "prof", "rev", "gen", "col", "capt", "lt", "sgt", "mt", "no", "etc", "inc", "ltd", "co",
    };

    public static IEnumerable<string> Split(string paragraph)
    {
        var text = Normalize(paragraph);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('.' or '!' or '?'))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && text[end] is '.' or '!' or '?' or '"' or '\'' or ')' or ']')
            {
                end++;
            }

            if (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                continue;
            }

            var next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next < text.Length && !(char.IsUpper(text[next]) || text[next] is '"' or '(' or '\''))
            {
                continue;
            }

            if (text[i] == '.' && IsAbbreviation(text, i))
            {
                continue;
            }

            var sentence = text[start..end].Trim();
            if (sentence.Length > 0)
            {
                yield return sentence;
            }

            start = next;
            i = next - 1;
        }

        if (start < text.Length)
        {
            var rest = text[start..].Trim();
            if (rest.Length > 0)
            {
                yield return rest;
            }
        }
    }

    /// <summary>Collapses white space and maps typographic quotes and LaTeX-style quotes to plain ones.</summary>
    internal static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Replace("``", "\"", StringComparison.Ordinal).Replace("''", "\"", StringComparison.Ordinal))
        {
            var mapped = c switch
            {
                '\u2018' or '\u2019' or '`' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u2013' or '\u2014' => '-',
                _ => c,
            };
            if (char.IsWhiteSpace(mapped))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(mapped);
        }

        return builder.ToString();
    }

    private static bool IsAbbreviation(string text, int period)
    {
        var start = period;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        var word = text[start..period];
        return Abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]));
    }
}
