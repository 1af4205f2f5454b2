using Scraps.Model.Training;

namespace Scraps.Model.Tests.Training;

public sealed class SpecAugmentTests
{
    private const int Bins = 80;

    [Fact]
    public void Masks_whole_frames_and_whole_bands_with_zeros()
    {
        var options = new TrainingOptions { Config = TrainingTestConfigs.Tiny(12), TimeMasks = 1, TimeMaskMaxFrames = 10, FrequencyMasks = 1, FrequencyMaskMaxBins = 8 };
        var frames = 100;
        var masked = false;
        for (var trial = 0; trial < 20; trial++)
        {
            var features = Enumerable.Repeat(1f, frames * Bins).ToArray();
            new SpecAugment(options, Bins).Apply(features, frames, new DeterministicRandom(1, RandomPurpose.Augmentation, trial));
            var zeroFrames = Enumerable.Range(0, frames).Where(t => Enumerable.Range(0, Bins).All(b => features[t * Bins + b] == 0)).ToArray();
            var zeroBins = Enumerable.Range(0, Bins).Where(b => Enumerable.Range(0, frames).All(t => features[t * Bins + b] == 0)).ToArray();
            Assert.InRange(zeroFrames.Length, 0, 10);
            Assert.InRange(zeroBins.Length, 0, 8);
            // Every zero lies in a masked frame or a masked band; both are contiguous.
            for (var t = 0; t < frames; t++)
            {
                for (var b = 0; b < Bins; b++)
                {
                    if (features[t * Bins + b] == 0)
                    {
                        Assert.True(zeroFrames.Contains(t) || zeroBins.Contains(b));
                    }
                }
            }

            if (zeroFrames.Length > 0)
            {
                Assert.Equal(zeroFrames.Length - 1, zeroFrames[^1] - zeroFrames[0]);
            }

            if (zeroBins.Length > 0)
            {
                Assert.Equal(zeroBins.Length - 1, zeroBins[^1] - zeroBins[0]);
            }

            masked |= zeroFrames.Length > 0 && zeroBins.Length > 0;
        }
        Assert.True(masked);
    }

    [Fact]
    public void A_time_mask_covers_at_most_a_fifth_of_a_short_clip()
    {
        var options = new TrainingOptions { Config = TrainingTestConfigs.Tiny(12), TimeMasks = 1, TimeMaskMaxFrames = 100, FrequencyMasks = 0 };
        for (var trial = 0; trial < 50; trial++)
        {
            var features = Enumerable.Repeat(1f, 20 * Bins).ToArray();
            new SpecAugment(options, Bins).Apply(features, 20, new DeterministicRandom(2, RandomPurpose.Augmentation, trial));
            Assert.InRange(features.Count(v => v == 0), 0, 4 * Bins);
        }
    }

    [Fact]
    public void Is_deterministic_for_a_random_stream()
    {
        var options = new TrainingOptions { Config = TrainingTestConfigs.Tiny(12) };
        float[] Masked()
        {
            var f = Enumerable.Range(0, 50 * Bins).Select(i => (float)i).ToArray();
            new SpecAugment(options, Bins).Apply(f, 50, new DeterministicRandom(4, RandomPurpose.Augmentation, 9));
            return f;
        }
        Assert.Equal(Masked(), Masked());
    }

    [Fact]
    public void Rejects_a_buffer_of_the_wrong_size()
    {
        var options = new TrainingOptions { Config = TrainingTestConfigs.Tiny(12) };
        Assert.Throws<ArgumentException>(() => new SpecAugment(options, Bins).Apply(new float[79], 1, new DeterministicRandom(1, 2, 3)));
    }
}
