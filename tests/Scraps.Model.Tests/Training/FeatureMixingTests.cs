using Scraps.Model.Training;

namespace Scraps.Model.Tests.Training;

public sealed class FeatureMixingTests
{
    private const int Bins = 4;

    [Fact]
    public void Mix_blends_another_clips_frames_and_leaves_padding_alone()
    {
        // Three clips of constant value 1, 2, 3 with 5, 3, 2 frames in a batch padded to 5 frames.
        long[] frames = [5, 3, 2];
        var options = Options(noise: 0, mix: 1, maxAlpha: 0.5);
        for (var trial = 0; trial < 30; trial++)
        {
            var features = Batch(frames);
            new FeatureMixing(options, Bins).Apply(features, 3, 5, frames, new DeterministicRandom(3, RandomPurpose.Augmentation, trial));
            for (var b = 0; b < 3; b++)
            {
                var own = b + 1f;
                var clip = features.AsSpan(b * 5 * Bins, 5 * Bins);
                // Padding stays zero.
                Assert.All(clip[((int)frames[b] * Bins)..].ToArray(), v => Assert.Equal(0f, v));
                // Every frame is (1 - α) own + α other, one α per clip, other a different clip's value (never its padding).
                var values = clip[..((int)frames[b] * Bins)].ToArray().Distinct().ToArray();
                Assert.Single(values);
                var others = Enumerable.Range(1, 3).Where(v => v != b + 1).Select(v => (float)v).ToArray();
                Assert.Contains(others, other => Alpha(values[0], own, other) is > 0 and <= 0.5f + 1e-6f);
            }
        }
    }

    [Fact]
    public void Noise_follows_the_mixing_equation_with_standard_gaussian_noise()
    {
        long[] frames = [400, 400];
        var options = Options(noise: 1, mix: 0, maxAlpha: 0.5);
        var features = new float[2 * 400 * Bins];
        new FeatureMixing(options, Bins).Apply(features, 2, 400, frames, new DeterministicRandom(1, RandomPurpose.Augmentation, 1));
        // From zeros, M' = α N: mean 0 and a standard deviation α <= 0.5 that is the same across the clip.
        for (var b = 0; b < 2; b++)
        {
            var clip = features.AsSpan(b * 400 * Bins, 400 * Bins).ToArray();
            var mean = clip.Average();
            var sd = Math.Sqrt(clip.Select(v => (v - mean) * (v - mean)).Average());
            Assert.InRange(mean, -0.05, 0.05);
            Assert.InRange(sd, 0.005, 0.52);
            var firstHalf = Math.Sqrt(clip[..800].Select(v => v * v).Average());
            var secondHalf = Math.Sqrt(clip[800..].Select(v => v * v).Average());
            Assert.InRange(firstHalf / secondHalf, 0.85, 1.15);
        }
    }

    [Fact]
    public void Probabilities_choose_how_many_clips_are_touched()
    {
        long[] frames = Enumerable.Repeat(3L, 64).ToArray();
        var touched = 0;
        var total = 0;
        for (var trial = 0; trial < 20; trial++)
        {
            var features = Batch(frames);
            var before = (float[])features.Clone();
            new FeatureMixing(Options(noise: 0.1, mix: 0.2, maxAlpha: 0.5), Bins).Apply(features, 64, 3, frames, new DeterministicRandom(5, RandomPurpose.Augmentation, trial));
            for (var b = 0; b < 64; b++, total++)
            {
                touched += features.AsSpan(b * 3 * Bins, 3 * Bins).SequenceEqual(before.AsSpan(b * 3 * Bins, 3 * Bins)) ? 0 : 1;
            }
        }
        Assert.InRange(touched / (double)total, 0.25, 0.35);

        var untouched = Batch(frames);
        new FeatureMixing(Options(noise: 0, mix: 0, maxAlpha: 0.5), Bins).Apply(untouched, 64, 3, frames, new DeterministicRandom(5, RandomPurpose.Augmentation, 0));
        Assert.Equal(Batch(frames), untouched);
    }

    [Fact]
    public void Is_deterministic_for_a_seed_and_step()
    {
        long[] frames = [6, 4, 5];
        var options = Options(noise: 0.4, mix: 0.4, maxAlpha: 0.6);
        var a = Batch(frames);
        var b = Batch(frames);
        new FeatureMixing(options, Bins).Apply(a, 3, 6, frames, new DeterministicRandom(9, RandomPurpose.Augmentation, 17));
        new FeatureMixing(options, Bins).Apply(b, 3, 6, frames, new DeterministicRandom(9, RandomPurpose.Augmentation, 17));
        Assert.Equal(a, b);
    }

    [Fact]
    public void Rejects_a_buffer_of_the_wrong_size()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new FeatureMixing(Options(0.5, 0.5, 0.5), Bins).Apply(new float[10], 2, 3, [3, 3], new DeterministicRandom(1, 2, 3)));
        Assert.Contains("2 x 3 x 4", e.Message);
    }

    private static TrainingOptions Options(double noise, double mix, double maxAlpha) => new()
    {
        Config = TrainingTestConfigs.Tiny(12),
        NoiseAugmentProbability = noise,
        MixAugmentProbability = mix,
        AugmentMaxAlpha = maxAlpha,
    };

    /// <summary>Clip b holds the value b + 1 in its frames and zeros in its padding.</summary>
    private static float[] Batch(long[] frames)
    {
        var max = (int)frames.Max();
        var features = new float[frames.Length * max * Bins];
        for (var b = 0; b < frames.Length; b++)
        {
            features.AsSpan(b * max * Bins, (int)frames[b] * Bins).Fill(b + 1);
        }

        return features;
    }

    private static float Alpha(float mixed, float own, float other) => (mixed - own) / (other - own);
}
