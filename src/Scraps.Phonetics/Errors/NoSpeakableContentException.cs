namespace Scraps.Phonetics;

/// <summary>The text has nothing to pronounce: only punctuation, or nothing the G2P engine turns into phones.</summary>
public sealed class NoSpeakableContentException : PhonemeInputException
{
    public NoSpeakableContentException(string reason)
        : base($"text has no speakable content: {reason}")
    {
    }
}
