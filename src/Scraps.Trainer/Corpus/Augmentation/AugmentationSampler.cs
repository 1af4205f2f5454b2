using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>
/// Draws one clip's <see cref="AugmentationPlan"/> from its own seeded generator. Every value is drawn whether
/// or not it is used, so each clip consumes the same amount of randomness and the plan depends only on the seed.
/// </summary>
internal static class AugmentationSampler
{
    private static readonly int[] Mp3Rates = [16, 24, 32, 48, 64];
    private static readonly int[] OpusRates = [8, 12, 16, 24, 32];

    public static AugmentationPlan Draw(SeededRandom random, AugmentationOptions options, int babbleTracks)
    {
        var clean = random.Chance(options.CleanShare);
        var speed = Math.Round(random.Uniform(0.9, 1.1), 2);
        var useSpeed = random.Chance(options.SpeedProbability);
        var tempo = Math.Round(random.Uniform(0.8, 1.2), 2);
        var useTempo = random.Chance(options.TempoProbability);
        var semitones = Math.Round(random.Uniform(-3, 3), 1);
        var usePitch = random.Chance(options.PitchProbability);
        var reverb = new ReverbPlan(Math.Round(random.Uniform(0.15, 0.9), 2), Math.Round(random.Uniform(0.1, 0.6), 2), random.NextSeed());
        var useReverb = random.Chance(options.ReverbProbability);
        var lead = Math.Round(random.Uniform(0, 0.6), 2);
        var trail = Math.Round(random.Uniform(0, 0.6), 2);
        var usePadding = random.Chance(options.PaddingProbability);
        var kinds = babbleTracks > 0 ? new[] { NoisePlan.White, NoisePlan.Pink, NoisePlan.Babble } : [NoisePlan.White, NoisePlan.Pink];
        var noise = new NoisePlan(random.Pick(kinds), Math.Round(random.Uniform(5, 35), 1), random.NextSeed(), babbleTracks > 0 ? random.Next(babbleTracks) : 0);
        var useNoise = random.Chance(options.NoiseProbability);
        var useTelephone = random.Chance(options.TelephoneProbability);
        var codec = random.Chance(0.5) ? new CodecPlan(CodecPlan.Mp3, random.Pick(Mp3Rates)) : new CodecPlan(CodecPlan.Opus, random.Pick(OpusRates));
        var useCodec = random.Chance(options.CodecProbability);
        var peak = Math.Round(random.Uniform(0.1, 0.95), 2);
        if (clean)
        {
            return AugmentationPlan.None with { PeakLevel = peak };
        }

        return new AugmentationPlan(
            useSpeed ? speed : 1,
            useTempo ? tempo : 1,
            usePitch ? semitones : 0,
            useReverb ? reverb : null,
            usePadding ? lead : 0,
            usePadding ? trail : 0,
            useNoise ? noise : null,
            useTelephone,
            useCodec ? codec : null,
            peak);
    }
}
