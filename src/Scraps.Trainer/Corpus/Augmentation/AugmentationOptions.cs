namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>
/// The share of clips each augmentation is drawn for, independently of the others; <see cref="CleanShare"/> of the
/// clips get none at all (their voice still varies in rate, pitch and formants). The ranges live in
/// <see cref="AugmentationSampler"/>; <see cref="AugmentationKinds"/> names each share for the command line.
/// </summary>
internal sealed record AugmentationOptions
{
    public static readonly AugmentationOptions None = new()
    {
        CleanShare = 1,
        Formant = 0,
        Speed = 0,
        Tempo = 0,
        Pitch = 0,
        Breath = 0,
        Padding = 0,
        Reverb = 0,
        Noise = 0,
        Babble = 0,
        Eq = 0,
        Compression = 0,
        BandLimit = 0,
        Clipping = 0,
        Telephone = 0,
        Codec = 0,
    };

    public double CleanShare { get; init; } = 0.1;

    /// <summary>Formant (vocal tract length) shift of the voice, factor 0.88-1.2, pitch and rate kept (see SynthesisSettings).</summary>
    public double Formant { get; init; } = 0.35;

    /// <summary>Resampling speed change (tempo and pitch together), factor 0.9-1.1.</summary>
    public double Speed { get; init; } = 0.2;

    /// <summary>sox tempo (WSOLA, pitch kept), factor 0.8-1.2.</summary>
    public double Tempo { get; init; } = 0.25;

    /// <summary>sox pitch shift (tempo kept), -3 to +3 semitones.</summary>
    public double Pitch { get; init; } = 0.15;

    /// <summary>An inhalation before the speech, 0.25-0.6 s, 14-30 dB below it.</summary>
    public double Breath { get; init; } = 0.2;

    /// <summary>Silence before and after the speech, up to 1 s each.</summary>
    public double Padding { get; init; } = 0.6;

    /// <summary>A room: image-source impulse response of a random shoebox room, RT60 0.15-0.9 s, mic 0.3-4 m away.</summary>
    public double Reverb { get; init; } = 0.4;

    /// <summary>Non-speech noise (white, pink, brown, mains hum) at 0-20 dB SNR.</summary>
    public double Noise { get; init; } = 0.4;

    /// <summary>Background babble of several other talkers at 0-20 dB SNR.</summary>
    public double Babble { get; init; } = 0.2;

    /// <summary>Microphone colouring: high-pass, three peaking bands and two shelves of random gain.</summary>
    public double Eq { get; init; } = 0.5;

    /// <summary>Dynamic range compression / AGC (sox compand), threshold -35 to -15 dB, ratio 2-8.</summary>
    public double Compression { get; init; } = 0.25;

    /// <summary>Band limit of the channel: 300-3400 Hz, 4 kHz, or 7 kHz (the 8 kHz Nyquist band of 16 kHz audio).</summary>
    public double BandLimit { get; init; } = 0.2;

    /// <summary>Hard clipping of 0.2-3% of the samples.</summary>
    public double Clipping { get; init; } = 0.08;

    /// <summary>Telephone line: 8 kHz round trip, 300-3400 Hz, G.711 mu-law.</summary>
    public double Telephone { get; init; } = 0.05;

    /// <summary>Low-bitrate codec round trip: opus 6-16 kbit/s, mp3 24-32 kbit/s (ffmpeg), GSM 06.10, AMR-NB 4.75-12.2 kbit/s (sox).</summary>
    public double Codec { get; init; } = 0.3;

    /// <exception cref="ArgumentException">A share is outside [0, 1], named by its command-line option.</exception>
    public void Validate()
    {
        foreach (var kind in AugmentationKinds.All)
        {
            var value = kind.Get(this);
            if (value is < 0 or > 1 || double.IsNaN(value))
            {
                throw new ArgumentException($"--{kind.Name} must be a share between 0 and 1, got {value}");
            }
        }
    }
}
