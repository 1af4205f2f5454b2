namespace Scraps.Trainer.Corpus.Import;

/// <summary>The public speech corpus layouts `corpus import` reads (the human sets of shared/human-speech.md among them).</summary>
internal enum CorpusFormat
{
    Auto,
    LjSpeech,
    LibriSpeech,
    CommonVoice,

    /// <summary>Free Spoken Digit Dataset (<see cref="SpokenDigitReader"/>).</summary>
    SpokenDigits,

    /// <summary>Picovoice wake-word-benchmark (<see cref="WakeWordReader"/>).</summary>
    WakeWords,

    /// <summary>GCompris-voices, English (<see cref="GComprisVoicesReader"/>).</summary>
    GCompris,

    /// <summary>Toronto emotional speech set (<see cref="TorontoEmotionalSpeechReader"/>): evaluation and calibration only.</summary>
    Tess,
}
