namespace Scraps.Phonetics;

/// <summary>
/// Base class of the errors a user causes with the text or phonemes they send (empty or too long text,
/// unknown phoneme symbols, an unknown voice). Hosts map it to "bad request" / exit code 2.
/// </summary>
public class PhonemeInputException : Exception, Scraps.Errors.IInputError
{
    public PhonemeInputException(string message)
        : base(message)
    {
    }

    public PhonemeInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
