namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>One voice of one engine; <see cref="Id"/> ("espeak-ng:en-gb-scotland+f3", "flite:slt") names it in manifests.</summary>
internal sealed record VoiceRef(string Synthesizer, string Name)
{
    public string Id => $"{Synthesizer}:{Name}";
}
