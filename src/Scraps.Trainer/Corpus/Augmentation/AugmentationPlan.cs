using System.Text.Json;
using System.Text.Json.Nodes;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>
/// The augmentations drawn for one clip, applied in the order of a recording chain (see <see cref="Augmenter"/>):
/// the voice (formant, speed, tempo, pitch), the talker's breath and silences, the room, the background, the
/// microphone and recorder (EQ, compression/AGC, band limit, clipping), the channel (telephone, codec), the level.
/// Neutral values (speed 1, no room...) mean "not applied".
/// </summary>
internal sealed record AugmentationPlan(
    double Formant,
    double Speed,
    double Tempo,
    double PitchSemitones,
    BreathPlan? Breath,
    double LeadSilence,
    double TrailSilence,
    RoomPlan? Room,
    NoisePlan? Noise,
    BabblePlan? Babble,
    EqPlan? Eq,
    CompressionPlan? Compression,
    BandLimitPlan? BandLimit,
    double ClippedShare,
    bool Telephone,
    CodecPlan? Codec,
    double PeakLevel)
{
    public static readonly AugmentationPlan None = new(1, 1, 1, 0, null, 0, 0, null, null, null, null, null, null, 0, false, null, 0.9);

    /// <summary>No augmentation beyond the voice's formant factor and the output level.</summary>
    public bool IsClean => this == None with { Formant = Formant, PeakLevel = PeakLevel };

    /// <summary>The manifest's "augmentation" object: synthesizer settings plus each augmentation applied, with its values.</summary>
    public JsonElement ToJson(SynthesisSettings synthesis)
    {
        var json = new JsonObject
        {
            ["synth"] = new JsonObject { ["rate"] = synthesis.Rate, ["pitch"] = synthesis.Pitch },
        };
        Add(json, "formant", Formant != 1, () => Formant);
        Add(json, "speed", Speed != 1, () => Speed);
        Add(json, "tempo", Tempo != 1, () => Tempo);
        Add(json, "pitchSemitones", PitchSemitones != 0, () => PitchSemitones);
        Add(json, "breath", Breath is not null, () => new JsonObject { ["seconds"] = Breath!.Seconds, ["levelDb"] = Breath.LevelDb });
        Add(json, "padding", LeadSilence > 0 || TrailSilence > 0, () => new JsonObject { ["lead"] = LeadSilence, ["trail"] = TrailSilence });
        Add(json, "room", Room is not null, () => new JsonObject
        {
            ["size"] = new JsonArray(Room!.Length, Room.Width, Room.Height),
            ["rt60"] = Room.Rt60,
            ["micDistance"] = Room.MicDistance,
        });
        Add(json, "noise", Noise is not null, () => new JsonObject { ["type"] = Noise!.Kind, ["snrDb"] = Noise.SnrDb });
        Add(json, "babble", Babble is not null, () => new JsonObject { ["track"] = Babble!.Track, ["snrDb"] = Babble.SnrDb });
        Add(json, "eq", Eq is not null, () => JsonSerializer.SerializeToNode(Eq, JsonOptions));
        Add(json, "compression", Compression is not null, () => JsonSerializer.SerializeToNode(Compression, JsonOptions));
        Add(json, "bandLimit", BandLimit is not null, () => new JsonObject { ["lowHz"] = BandLimit!.LowHz, ["highHz"] = BandLimit.HighHz });
        Add(json, "clippedShare", ClippedShare > 0, () => ClippedShare);
        Add(json, "telephone", Telephone, () => true);
        Add(json, "codec", Codec is not null, () => new JsonObject { ["format"] = Codec!.Format, ["kbps"] = Codec.Kbps });
        json["peak"] = PeakLevel;
        return JsonSerializer.SerializeToElement(json);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static void Add(JsonObject json, string name, bool applied, Func<JsonNode?> value)
    {
        if (applied)
        {
            json[name] = value();
        }
    }
}

/// <summary>An inhalation of <see cref="Seconds"/>, <see cref="LevelDb"/> relative to the speech's power, ending <see cref="GapSeconds"/> before it.</summary>
internal sealed record BreathPlan(double Seconds, double LevelDb, double GapSeconds, long Seed);

/// <summary>
/// A shoebox room (metres), its reverberation time, and the talker and microphone: the microphone at
/// <see cref="MicDistance"/> from the talker; positions are drawn from <see cref="Seed"/> inside the room.
/// </summary>
internal sealed record RoomPlan(double Length, double Width, double Height, double Rt60, double MicDistance, long Seed);

/// <summary>Non-speech noise: <see cref="Kind"/> white, pink, brown or hum, at <see cref="SnrDb"/> against the speech.</summary>
internal sealed record NoisePlan(string Kind, double SnrDb, long Seed)
{
    public const string White = "white";
    public const string Pink = "pink";
    public const string Brown = "brown";
    public const string Hum = "hum";
    public static readonly IReadOnlyList<string> Kinds = [White, Pink, Brown, Hum];
}

/// <summary>Babble: a segment of babble track <see cref="Track"/> at <see cref="SnrDb"/> against the speech.</summary>
internal sealed record BabblePlan(int Track, double SnrDb, long Seed);

/// <summary>One peaking band of a microphone EQ: centre frequency (Hz), gain (dB), quality factor.</summary>
internal sealed record EqBand(double FrequencyHz, double GainDb, double Q);

/// <summary>Microphone colouring: a high-pass (the capsule's low cut), three peaking bands, a bass and a treble shelf.</summary>
internal sealed record EqPlan(double HighPassHz, EqBand Low, EqBand Mid, EqBand High, double BassDb, double TrebleDb);

/// <summary>A compressor/AGC: threshold and ratio of the static curve, attack and release of the level detector.</summary>
internal sealed record CompressionPlan(double ThresholdDb, double Ratio, double AttackSeconds, double ReleaseSeconds);

/// <summary>A channel band: <see cref="LowHz"/> (0 for none) to <see cref="HighHz"/>.</summary>
internal sealed record BandLimitPlan(double LowHz, double HighHz);

/// <summary>Codec round trip: <see cref="Format"/> at <see cref="Kbps"/> kbit/s.</summary>
internal sealed record CodecPlan(string Format, double Kbps)
{
    public const string Mp3 = "mp3";
    public const string Opus = "opus";
    public const string Gsm = "gsm";
    public const string AmrNb = "amr-nb";
    public static readonly IReadOnlyList<string> Formats = [Opus, Mp3, Gsm, AmrNb];
}
