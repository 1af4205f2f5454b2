namespace Scraps.Phonetics;

/// <summary>
/// Phoneme symbols that the inventory does not hold: either in phonemes a user sent (X-SAMPA), or in what the
/// G2P engine produced for a text (for example a word read with another language's phonemes).
/// </summary>
public sealed class UnknownPhonemesException : PhonemeInputException
{
    public UnknownPhonemesException(string message, IReadOnlyList<string> unknownSymbols)
        : base(message)
    {
        UnknownSymbols = unknownSymbols;
    }

    /// <summary>Each unknown symbol once, in order of first appearance.</summary>
    public IReadOnlyList<string> UnknownSymbols { get; }
}
