namespace Scraps.Phonetics;

/// <summary>A phoneme inventory (for example one read back from model.json) is malformed.</summary>
public sealed class PhonemeInventoryFormatException : FormatException, Scraps.Errors.IInputError
{
    public PhonemeInventoryFormatException(string message)
        : base(message)
    {
    }
}
