using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>
/// Draws one clip's <see cref="AugmentationPlan"/> from its own seeded generator. Every value is drawn whether or not
/// it is used, so each clip consumes the same amount of randomness and changing one share changes which clips get
/// that augmentation, not the values of the others.
/// </summary>
internal static class AugmentationSampler
{
    private static readonly double[] OpusRates = [6, 8, 10, 12, 16];
    private static readonly double[] Mp3Rates = [24, 32];

    /// <summary>Telephone band (G.712), the 4 kHz band of 8 kHz sampling, and the 50-7000 Hz wide band (G.722, AMR-WB).</summary>
    private static readonly BandLimitPlan[] Bands = [new(300, 3400), new(0, 4000), new(50, 7000)];

    /// <param name="codecs">The codec formats this corpus uses (a subset of <see cref="CodecPlan.Formats"/>).</param>
    /// <param name="babbleTracks">Babble tracks available; 0 means no babble.</param>
    public static AugmentationPlan Draw(SeededRandom random, AugmentationOptions options, int babbleTracks, IReadOnlyList<string> codecs)
    {
        var clean = random.Chance(options.CleanShare);
        var formant = AwayFrom(random, 1, 0.88, 1.2, 0.02);
        var useFormant = random.Chance(options.Formant);
        var speed = AwayFrom(random, 1, 0.9, 1.1, 0.02);
        var useSpeed = random.Chance(options.Speed);
        var tempo = AwayFrom(random, 1, 0.8, 1.2, 0.02);
        var useTempo = random.Chance(options.Tempo);
        var semitones = AwayFrom(random, 0, -3, 3, 0.3);
        var usePitch = random.Chance(options.Pitch);
        var breath = new BreathPlan(Round(random.Uniform(0.25, 0.6)), Math.Round(random.Uniform(-30, -14), 1), Round(random.Uniform(0.05, 0.3)), random.NextSeed());
        var useBreath = random.Chance(options.Breath);
        var lead = Round(random.Uniform(0, 1));
        var trail = Round(random.Uniform(0, 1));
        var usePadding = random.Chance(options.Padding);
        var room = new RoomPlan(
            Round(random.Uniform(3, 10)), Round(random.Uniform(2.5, 8)), Round(random.Uniform(2.4, 4)), Round(random.Uniform(0.15, 0.9)),
            Round(random.Uniform(0.3, 4)), random.NextSeed());
        var useRoom = random.Chance(options.Reverb);
        var noise = new NoisePlan(random.Pick(NoisePlan.Kinds), Math.Round(random.Uniform(0, 20), 1), random.NextSeed());
        var useNoise = random.Chance(options.Noise);
        var babble = new BabblePlan(babbleTracks > 0 ? random.Next(babbleTracks) : 0, Math.Round(random.Uniform(0, 20), 1), random.NextSeed());
        var useBabble = random.Chance(options.Babble) && babbleTracks > 0;
        var eq = new EqPlan(
            Math.Round(LogUniform(random, 30, 250)),
            Band(random, 100, 400),
            Band(random, 400, 2000),
            Band(random, 2000, 6500),
            Math.Round(random.Uniform(-6, 6), 1),
            Math.Round(random.Uniform(-8, 6), 1));
        var useEq = random.Chance(options.Eq);
        var compression = new CompressionPlan(Math.Round(random.Uniform(-35, -15), 1), Math.Round(random.Uniform(2, 8), 1), Math.Round(random.Uniform(0.002, 0.05), 3), Round(random.Uniform(0.05, 0.5)));
        var useCompression = random.Chance(options.Compression);
        var band = random.Pick(Bands);
        var useBand = random.Chance(options.BandLimit);
        var clipped = Math.Round(random.Uniform(0.002, 0.03), 4);
        var useClipping = random.Chance(options.Clipping);
        var useTelephone = random.Chance(options.Telephone);
        var format = codecs.Count > 0 ? random.Pick(codecs) : CodecPlan.Opus;
        var kbps = format switch
        {
            CodecPlan.Opus => random.Pick(OpusRates),
            CodecPlan.Mp3 => random.Pick(Mp3Rates),
            CodecPlan.AmrNb => random.Pick(CodecRoundTrip.AmrModes),
            _ => 13.0, // GSM 06.10 full rate has one bit rate.
        };
        var useCodec = random.Chance(options.Codec) && codecs.Count > 0;
        var peak = Round(random.Uniform(0.1, 0.95));
        var voice = AugmentationPlan.None with { Formant = useFormant ? formant : 1, PeakLevel = peak };
        if (clean)
        {
            return voice;
        }

        return voice with
        {
            Speed = useSpeed ? speed : 1,
            Tempo = useTempo ? tempo : 1,
            PitchSemitones = usePitch ? semitones : 0,
            Breath = useBreath ? breath : null,
            LeadSilence = usePadding ? lead : 0,
            TrailSilence = usePadding ? trail : 0,
            Room = useRoom ? room : null,
            Noise = useNoise ? noise : null,
            Babble = useBabble ? babble : null,
            Eq = useEq ? eq : null,
            Compression = useCompression ? compression : null,
            BandLimit = useBand ? band : null,
            ClippedShare = useClipping ? clipped : 0,
            Telephone = useTelephone,
            Codec = useCodec ? new CodecPlan(format, kbps) : null,
        };
    }

    private static EqBand Band(SeededRandom random, double low, double high) =>
        new(Math.Round(LogUniform(random, low, high)), Math.Round(random.Uniform(-8, 8), 1), Math.Round(random.Uniform(0.7, 3), 2));

    private static double LogUniform(SeededRandom random, double low, double high) => Math.Exp(random.Uniform(Math.Log(low), Math.Log(high)));

    private static double Round(double value) => Math.Round(value, 2);

    /// <summary>
    /// Uniform in [low, high] but at least <paramref name="gap"/> from the neutral value, so a clip drawn for an
    /// augmentation never gets a value that rounds to "not applied" (a factor of 1.00, a shift of 0.0).
    /// </summary>
    private static double AwayFrom(SeededRandom random, double neutral, double low, double high, double gap)
    {
        var below = neutral - gap - low;
        var x = random.Uniform(0, below + (high - neutral - gap));
        return Round(x < below ? low + x : neutral + gap + (x - below));
    }
}
