namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>
/// How often each augmentation is drawn for a clip, and within which ranges. <see cref="CleanShare"/> of the
/// clips get none at all (only the synthesizer's own rate/pitch perturbation).
/// </summary>
internal sealed record AugmentationOptions
{
    public static readonly AugmentationOptions None = new()
    {
        CleanShare = 1, SpeedProbability = 0, TempoProbability = 0, PitchProbability = 0, ReverbProbability = 0,
        PaddingProbability = 0, NoiseProbability = 0, TelephoneProbability = 0, CodecProbability = 0,
    };

    public double CleanShare { get; init; } = 0.15;

    /// <summary>Resampling speed change (tempo and pitch together), factor 0.9 to 1.1.</summary>
    public double SpeedProbability { get; init; } = 0.3;

    /// <summary>sox tempo (WSOLA, pitch kept), factor 0.8 to 1.2.</summary>
    public double TempoProbability { get; init; } = 0.3;

    /// <summary>sox pitch shift (tempo kept), -3 to +3 semitones.</summary>
    public double PitchProbability { get; init; } = 0.25;

    /// <summary>Synthetic room: exponentially decaying noise impulse response, RT60 0.15 to 0.9 s.</summary>
    public double ReverbProbability { get; init; } = 0.35;

    /// <summary>Silence before and after, up to 0.6 s each.</summary>
    public double PaddingProbability { get; init; } = 0.6;

    /// <summary>Additive white, pink or babble noise at 5 to 35 dB SNR.</summary>
    public double NoiseProbability { get; init; } = 0.6;

    /// <summary>Telephone channel: 8 kHz round trip, 300-3400 Hz band, mu-law.</summary>
    public double TelephoneProbability { get; init; } = 0.1;

    /// <summary>Lossy codec round trip through ffmpeg: MP3 16-64 kbit/s or Opus 8-32 kbit/s.</summary>
    public double CodecProbability { get; init; } = 0.2;

    /// <exception cref="ArgumentException">A probability is outside [0, 1].</exception>
    public void Validate()
    {
        foreach (var (name, value) in new[]
        {
            ("clean share", CleanShare), ("speed", SpeedProbability), ("tempo", TempoProbability), ("pitch", PitchProbability),
            ("reverb", ReverbProbability), ("padding", PaddingProbability), ("noise", NoiseProbability),
            ("telephone", TelephoneProbability), ("codec", CodecProbability),
        })
        {
            if (value is < 0 or > 1 || double.IsNaN(value))
            {
                throw new ArgumentException($"augmentation {name} must be between 0 and 1, got {value}");
            }
        }
    }
}
