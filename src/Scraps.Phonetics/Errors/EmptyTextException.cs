namespace Scraps.Phonetics;

/// <summary>The text is empty or only white space.</summary>
public sealed class EmptyTextException : PhonemeInputException
{
    public EmptyTextException()
        : base("text is empty or only white space; give at least one word to phonemize")
    {
    }
}
