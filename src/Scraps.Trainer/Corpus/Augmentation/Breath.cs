using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>
/// An inhalation before the speech: white noise band-passed to the 500-3000 Hz region where breath noise sits
/// (two second-order high-passes and low-passes), shaped by a fast rise and a slower fall, at a level relative to the
/// speech. Synthesizers never breathe; people do before most utterances, and a silent lead-in is not what real
/// recordings start with.
/// </summary>
internal static class Breath
{
    public const double LowHz = 500;
    public const double HighHz = 3000;

    /// <summary>The breath noise alone, scaled so its power is <see cref="BreathPlan.LevelDb"/> below <paramref name="speechPower"/>.</summary>
    public static float[] Generate(BreathPlan plan, int sampleRate, double speechPower)
    {
        var length = Math.Max(1, (int)(plan.Seconds * sampleRate));
        var random = new SeededRandom((ulong)plan.Seed);
        var noise = NoiseGenerator.White(length, random.NextSeed());
        foreach (var filter in new[] { Biquad.HighPass(LowHz, sampleRate), Biquad.HighPass(LowHz, sampleRate), Biquad.LowPass(HighHz, sampleRate), Biquad.LowPass(HighHz, sampleRate) })
        {
            filter.Process(noise);
        }

        var peakAt = random.Uniform(0.25, 0.45);
        for (var i = 0; i < length; i++)
        {
            var t = (double)i / length;
            var envelope = t < peakAt ? Math.Sin(Math.PI / 2 * t / peakAt) : Math.Cos(Math.PI / 2 * (t - peakAt) / (1 - peakAt));
            noise[i] *= (float)(envelope * envelope);
        }

        var power = NoiseGenerator.Power(noise);
        var gain = power > 0 && speechPower > 0 ? (float)Math.Sqrt(speechPower * Math.Pow(10, plan.LevelDb / 10) / power) : 0f;
        for (var i = 0; i < length; i++)
        {
            noise[i] *= gain;
        }

        return noise;
    }
}
