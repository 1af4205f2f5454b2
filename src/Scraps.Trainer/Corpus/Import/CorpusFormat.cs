namespace Scraps.Trainer.Corpus.Import;

/// <summary>The public speech corpus layouts `corpus import` reads.</summary>
internal enum CorpusFormat
{
    Auto,
    LjSpeech,
    LibriSpeech,
    CommonVoice,
}
