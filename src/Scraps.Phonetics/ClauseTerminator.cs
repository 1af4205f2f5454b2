namespace Scraps.Phonetics;

/// <summary>
/// Works out which punctuation ended a clause from the text espeak-ng 1.51 read for it (that version's
/// espeak_TextToPhonemes does not report the terminator). espeak ends a clause at clause punctuation followed by
/// white space, a bracket or quote, or the end of the text; it then reads the following white space and one more
/// character, which it keeps for the next clause. So the terminator is the punctuation left at the end once that
/// character, the white space and any closing quotes or brackets are removed. The rules mirror espeak's ReadClause:
/// a run of ? and ! counts as its first mark, three or more dots (or …) are an ellipsis (semicolon-like, as in
/// espeak), and a blank line without punctuation ends a sentence.
/// </summary>
internal static class ClauseTerminator
{
    /// <summary>Words whose dot espeak-ng's English dictionary marks as an abbreviation ($dot), so the dot is no pause.</summary>
    private static readonly HashSet<string> EnglishDotAbbreviations =
        new(["mr", "mrs", "dr", "lt", "prof", "rev", "st"], StringComparer.OrdinalIgnoreCase);

    /// <param name="consumedText">What espeak read for the clause (<see cref="Espeak.EspeakClause.ConsumedText"/>).</param>
    /// <param name="isLast">True when the clause reached the end of the text (nothing was read ahead).</param>
    /// <param name="englishAbbreviations">Treat the dot after Mr, Dr, St... as part of the word (English voices).</param>
    public static ClausePause Detect(string consumedText, bool isLast, bool englishAbbreviations)
    {
        var text = consumedText.AsSpan();
        if (!isLast && text.Length > 0)
        {
            text = text[..^LastScalarLength(text)]; // the character espeak reads again for the next clause
        }

        var withSpace = text;
        text = text.TrimEnd();
        var trailingSpace = withSpace[text.Length..];
        while (text.Length > 0 && IsClosing(text[^1]))
        {
            text = text[..^1].TrimEnd();
        }

        if (text.Length == 0)
        {
            return ClausePause.None;
        }

        var pause = Classify(text);
        if (pause == ClausePause.None)
        {
            return trailingSpace.Count('\n') >= 2 ? ClausePause.Period : ClausePause.None;
        }

        if (pause == ClausePause.Period && IsAbbreviationDot(text, englishAbbreviations))
        {
            return ClausePause.None;
        }

        return pause;
    }

    private static ClausePause Classify(ReadOnlySpan<char> text)
    {
        var last = text[^1];
        if (last == '.')
        {
            var dots = text.Length - text.TrimEnd('.').Length;
            return dots >= 3 ? ClausePause.Semicolon : ClausePause.Period;
        }

        if (IsQuestionOrExclamation(last))
        {
            var i = text.Length - 1;
            while (i > 0 && IsQuestionOrExclamation(text[i - 1]))
            {
                i--;
            }

            return Of(text[i]);
        }

        return Of(last);
    }

    /// <summary>The pause a clause punctuation character stands for (espeak-ng's clause types).</summary>
    public static ClausePause Of(char c) => c switch
    {
        ',' or '\u060C' or '\u3001' or '\uFF0C' or '\uFE50' or '\u055D' or '\u1363' => ClausePause.Comma,
        '.' or '\u3002' or '\uFF0E' or '\uFF61' or '\u0964' or '\u0965' or '\u06D4' or '\u1362' => ClausePause.Period,
        '?' or '\u037E' or '\u061F' or '\uFF1F' or '\u055E' => ClausePause.Question,
        '!' or '\uFF01' or '\u055C' => ClausePause.Exclamation,
        ':' or '\uFF1A' => ClausePause.Colon,
        ';' or '\u061B' or '\uFF1B' or '\u2026' or '\u2013' or '\u2014' or '\u00A1' or '\u00BF' => ClausePause.Semicolon,
        _ => ClausePause.None,
    };

    private static bool IsQuestionOrExclamation(char c) => Of(c) is ClausePause.Question or ClausePause.Exclamation;

    private static bool IsClosing(char c) =>
        c is '"' or '\'' or ')' or ']' or '}' or '»' or '«' or '\u2019' or '\u201D' or '\u201C' or '\u2018' or '\u300D' or '\u300F';

    private static bool IsAbbreviationDot(ReadOnlySpan<char> text, bool english)
    {
        var beforeDot = text[..^1];
        var start = beforeDot.Length;
        while (start > 0 && (char.IsLetter(beforeDot[start - 1])
                             || (IsApostrophe(beforeDot[start - 1]) && start > 1 && char.IsLetter(beforeDot[start - 2]))))
        {
            start--; // the word, with its apostrophes (Paul's)
        }

        var word = beforeDot[start..];
        if (word.Length == 0 || (start > 0 && !char.IsWhiteSpace(beforeDot[start - 1]) && !IsOpening(beforeDot[start - 1])))
        {
            return false;
        }

        return word.Length == 1 || (english && EnglishDotAbbreviations.Contains(word.ToString()));
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static bool IsOpening(char c) => c is '"' or '\'' or '(' or '[' or '{' or '«' or '\u2018' or '\u201C';

    private static int LastScalarLength(ReadOnlySpan<char> text) =>
        text.Length >= 2 && char.IsLowSurrogate(text[^1]) && char.IsHighSurrogate(text[^2]) ? 2 : 1;
}
