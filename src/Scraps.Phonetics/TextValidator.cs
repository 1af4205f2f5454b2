using System.Globalization;
using System.Text;

namespace Scraps.Phonetics;

/// <summary>Checks a text before it goes to the G2P engine and removes what the engine must not see.</summary>
internal static class TextValidator
{
    /// <exception cref="EmptyTextException">Empty or white space only.</exception>
    /// <exception cref="TextTooLongException">More than <paramref name="maxLength"/> characters.</exception>
    /// <exception cref="NoSpeakableContentException">Only punctuation (no letter, digit or symbol).</exception>
    public static void Validate(string text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new EmptyTextException();
        }

        var length = 0;
        var speakable = false;
        foreach (var rune in text.EnumerateRunes())
        {
            length++;
            speakable |= IsSpeakable(Rune.GetUnicodeCategory(rune));
        }

        if (length > maxLength)
        {
            throw new TextTooLongException(length, maxLength);
        }

        if (!speakable)
        {
            throw new NoSpeakableContentException("it has no letters, digits or symbols, only punctuation");
        }
    }

    /// <summary>
    /// Replaces control characters by spaces (espeak-ng reads U+0001 as the start of an embedded command and U+0000
    /// as the end of the text); keeps tabs and line breaks, which espeak uses for paragraphs.
    /// </summary>
    public static string Sanitize(string text)
    {
        if (!text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) && c is not ('\n' or '\r' or '\t') ? ' ' : c);
        }

        return builder.ToString();
    }

    private static bool IsSpeakable(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol => true,
        _ => false,
    };
}
