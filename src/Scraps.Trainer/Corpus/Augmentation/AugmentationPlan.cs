using System.Text.Json;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>
/// The augmentations drawn for one clip, applied in this order: speed (resampling), tempo and pitch (sox),
/// reverberation, silence padding, noise, telephone channel, codec round trip, and finally the peak level.
/// Neutral values (speed 1, no reverb...) mean "not applied".
/// </summary>
internal sealed record AugmentationPlan(
    double Speed,
    double Tempo,
    double PitchSemitones,
    ReverbPlan? Reverb,
    double LeadSilence,
    double TrailSilence,
    NoisePlan? Noise,
    bool Telephone,
    CodecPlan? Codec,
    double PeakLevel)
{
    public static readonly AugmentationPlan None = new(1, 1, 0, null, 0, 0, null, false, null, 0.9);

    /// <summary>The manifest's "augmentation" object: synthesizer settings plus each augmentation applied.</summary>
    public JsonElement ToJson(SynthesisSettings synthesis)
    {
        var json = new Dictionary<string, object>
        {
            ["synth"] = new Dictionary<string, double> { ["rate"] = synthesis.Rate, ["pitch"] = synthesis.Pitch },
        };
        if (Speed != 1)
        {
            json["speed"] = Speed;
        }

        if (Tempo != 1)
        {
            json["tempo"] = Tempo;
        }

        if (PitchSemitones != 0)
        {
            json["pitchSemitones"] = PitchSemitones;
        }

        if (Reverb is { } reverb)
        {
            json["reverb"] = new Dictionary<string, double> { ["rt60"] = reverb.Rt60, ["wet"] = reverb.Wet };
        }

        if (LeadSilence > 0 || TrailSilence > 0)
        {
            json["padding"] = new Dictionary<string, double> { ["lead"] = LeadSilence, ["trail"] = TrailSilence };
        }

        if (Noise is { } noise)
        {
            json["noise"] = new Dictionary<string, object> { ["type"] = noise.Kind, ["snrDb"] = noise.SnrDb };
        }

        if (Telephone)
        {
            json["telephone"] = true;
        }

        if (Codec is { } codec)
        {
            json["codec"] = new Dictionary<string, object> { ["format"] = codec.Format, ["kbps"] = codec.Kbps };
        }

        json["peak"] = PeakLevel;
        return JsonSerializer.SerializeToElement(json);
    }
}

/// <summary>Reverberation: RT60 in seconds and the wet share of the mix; <see cref="Seed"/> draws the impulse response.</summary>
internal sealed record ReverbPlan(double Rt60, double Wet, long Seed);

/// <summary>Additive noise: <see cref="Kind"/> white, pink or babble, at <see cref="SnrDb"/> against the speech.</summary>
internal sealed record NoisePlan(string Kind, double SnrDb, long Seed, int BabbleTrack)
{
    public const string White = "white";
    public const string Pink = "pink";
    public const string Babble = "babble";
}

/// <summary>Codec round trip: <see cref="Format"/> mp3 or opus at <see cref="Kbps"/> kbit/s.</summary>
internal sealed record CodecPlan(string Format, int Kbps)
{
    public const string Mp3 = "mp3";
    public const string Opus = "opus";
}
