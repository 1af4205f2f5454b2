namespace Scraps.Phonetics;

/// <summary>The text has more characters than the phonemizer accepts.</summary>
public sealed class TextTooLongException : PhonemeInputException
{
    public TextTooLongException(int length, int maxLength)
        : base($"text has {length} characters, more than the limit of {maxLength}; split it into shorter texts")
    {
        Length = length;
        MaxLength = maxLength;
    }

    /// <summary>Characters (Unicode scalar values) in the text.</summary>
    public int Length { get; }

    /// <summary>The configured limit.</summary>
    public int MaxLength { get; }
}
