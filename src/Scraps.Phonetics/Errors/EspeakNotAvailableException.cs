namespace Scraps.Phonetics;

/// <summary>libespeak-ng or its data could not be loaded on this machine (an installation problem, not bad input).</summary>
public sealed class EspeakNotAvailableException : Exception
{
    public EspeakNotAvailableException(string message)
        : base(message)
    {
    }

    public EspeakNotAvailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
