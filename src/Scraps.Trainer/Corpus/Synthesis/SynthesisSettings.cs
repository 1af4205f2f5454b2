namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>
/// How a synthesizer is asked to speak one clip, relative to the voice's defaults: <see cref="Rate"/> 1.2 is
/// 20% faster, <see cref="Pitch"/> 0.9 is 10% lower. Values are rounded to two decimals so the manifest records
/// exactly what was used.
/// </summary>
internal sealed record SynthesisSettings(double Rate, double Pitch)
{
    public static readonly SynthesisSettings Default = new(1.0, 1.0);

    public static SynthesisSettings Draw(SeededRandom random, double minRate, double maxRate, double minPitch, double maxPitch) =>
        new(Math.Round(random.Uniform(minRate, maxRate), 2), Math.Round(random.Uniform(minPitch, maxPitch), 2));

    /// <summary>
    /// What the engine is asked for when the clip's formants are to be scaled by <paramref name="formant"/>: speech
    /// slower and lower by that factor, which the resampling that scales every frequency by it (the Augmenter's first
    /// step) turns back into this rate and pitch, leaving the formants, the vocal tract's length, changed. Every engine
    /// here controls rate and pitch; none controls formants.
    /// </summary>
    public SynthesisSettings ForEngine(double formant) =>
        formant == 1 ? this : new SynthesisSettings(Math.Round(Rate / formant, 3), Math.Round(Pitch / formant, 3));
}

/// <summary>One utterance to synthesize into <see cref="OutputPath"/> (a WAV file at the synthesizer's own rate).</summary>
internal sealed record SynthesisRequest(string Voice, string Text, SynthesisSettings Settings, string OutputPath)
{
    /// <summary>Where an engine that knows its phone times writes them (<see cref="Scraps.Phonetics.Timing.PhoneTimingFile"/>).</summary>
    public string PhonesPath => Path.ChangeExtension(OutputPath, null) + Scraps.Phonetics.Timing.PhoneTimingFile.Suffix;
}
