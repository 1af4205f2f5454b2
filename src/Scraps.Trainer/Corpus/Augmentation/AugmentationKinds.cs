namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>
/// Each augmentation's share as a command-line option (--reverb 0.4, --codec 0 ...), the name under which corpus.json
/// counts it, and whether a clip's plan applies it. One table, so the options, the validation, the manifest and the
/// composition summary name the same things.
/// </summary>
internal sealed record AugmentationKind(
    string Name,
    string Description,
    Func<AugmentationOptions, double> Get,
    Func<AugmentationOptions, double, AugmentationOptions> Set,
    Func<AugmentationPlan, bool> Applied);

internal static class AugmentationKinds
{
    public static readonly IReadOnlyList<AugmentationKind> All =
    [
        new("clean-share", "Share of clips left without any augmentation", o => o.CleanShare, (o, v) => o with { CleanShare = v }, p => p.IsClean),
        new("formant", "Share of clips whose voice gets a formant (vocal tract length) shift, factor 0.88-1.2", o => o.Formant, (o, v) => o with { Formant = v }, p => p.Formant != 1),
        new("speed", "Share of clips sped up or slowed down by resampling, 0.9-1.1", o => o.Speed, (o, v) => o with { Speed = v }, p => p.Speed != 1),
        new("tempo", "Share of clips with a tempo change, 0.8-1.2 (sox tempo)", o => o.Tempo, (o, v) => o with { Tempo = v }, p => p.Tempo != 1),
        new("pitch", "Share of clips with a pitch shift, -3 to +3 semitones (sox pitch)", o => o.Pitch, (o, v) => o with { Pitch = v }, p => p.PitchSemitones != 0),
        new("breath", "Share of clips with an inhalation before the speech", o => o.Breath, (o, v) => o with { Breath = v }, p => p.Breath is not null),
        new("padding", "Share of clips with silence before and after the speech (up to 1 s each)", o => o.Padding, (o, v) => o with { Padding = v }, p => p.LeadSilence > 0 || p.TrailSilence > 0),
        new("reverb", "Share of clips in a room: image-source impulse response, RT60 0.15-0.9 s", o => o.Reverb, (o, v) => o with { Reverb = v }, p => p.Room is not null),
        new("noise", "Share of clips with non-speech noise (white, pink, brown, hum) at 0-20 dB SNR", o => o.Noise, (o, v) => o with { Noise = v }, p => p.Noise is not null),
        new("babble", "Share of clips with background babble of other talkers at 0-20 dB SNR", o => o.Babble, (o, v) => o with { Babble = v }, p => p.Babble is not null),
        new("eq", "Share of clips with microphone colouring (random high-pass, peaking bands, shelves)", o => o.Eq, (o, v) => o with { Eq = v }, p => p.Eq is not null),
        new("compression", "Share of clips through a compressor/AGC (sox compand)", o => o.Compression, (o, v) => o with { Compression = v }, p => p.Compression is not null),
        new("band-limit", "Share of clips band-limited to 300-3400 Hz, 4 kHz or 7 kHz", o => o.BandLimit, (o, v) => o with { BandLimit = v }, p => p.BandLimit is not null),
        new("clipping", "Share of clips hard-clipped (0.2-3% of samples)", o => o.Clipping, (o, v) => o with { Clipping = v }, p => p.ClippedShare > 0),
        new("telephone", "Share of clips through a telephone line (8 kHz, 300-3400 Hz, mu-law)", o => o.Telephone, (o, v) => o with { Telephone = v }, p => p.Telephone),
        new("codec", "Share of clips through a low-bitrate codec (opus, mp3, gsm, amr-nb)", o => o.Codec, (o, v) => o with { Codec = v }, p => p.Codec is not null),
    ];
}
