namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>The corpus audio format: 16 kHz mono (the front end's rate), written as PCM16 WAV.</summary>
internal static class AudioFormat
{
    public const int SampleRate = 16000;
}
