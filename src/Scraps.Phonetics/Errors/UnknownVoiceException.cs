namespace Scraps.Phonetics;

/// <summary>The G2P engine has no voice of that name or language.</summary>
public sealed class UnknownVoiceException : PhonemeInputException
{
    public UnknownVoiceException(string voice, string reason)
        : base($"unknown espeak-ng voice '{voice}': {reason}")
    {
        Voice = voice;
    }

    public string Voice { get; }
}
