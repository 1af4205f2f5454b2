using Scraps.Audio;
using Scraps.Cli.Eval;

namespace Scraps.Cli.Tests.Eval;

public class SpectrogramCorruptionTests
{
    /// <summary>Frame f holds the value f + 1 in every bin (or <paramref name="offset"/> + f + 1).</summary>
    private static LogMel Ramp(int frames, float offset = 0)
    {
        var data = new float[frames * LogMel.Bins];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = offset + (i / LogMel.Bins) + 1;
        }

        return new LogMel(data, frames);
    }

    [Fact]
    public void Gaussian_with_alpha_0_is_the_input_and_never_changes_it()
    {
        var clip = Ramp(5);
        var copy = clip.Data.ToArray();

        var corrupted = SpectrogramCorruption.Gaussian(clip, 0, new Random(1));

        Assert.Equal(copy, corrupted.Data);
        Assert.Equal(copy, clip.Data);
        Assert.NotSame(clip.Data, corrupted.Data);
    }

    [Fact]
    public void Gaussian_mixes_standard_normal_noise_with_weight_alpha()
    {
        var clip = new LogMel(new float[400 * LogMel.Bins], 400); // zeros: M' = α N
        const double alpha = 0.6;

        var noise = SpectrogramCorruption.Gaussian(clip, alpha, new Random(2)).Data.Select(v => v / alpha).ToArray();

        var mean = noise.Average();
        var std = Math.Sqrt(noise.Select(v => (v - mean) * (v - mean)).Average());
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(std, 0.99, 1.01);
    }

    [Fact]
    public void Gaussian_is_deterministic_for_a_seed()
    {
        var clip = Ramp(3);

        Assert.Equal(
            SpectrogramCorruption.Gaussian(clip, 0.3, new Random(9)).Data,
            SpectrogramCorruption.Gaussian(clip, 0.3, new Random(9)).Data);
    }

    [Fact]
    public void Mix_blends_the_other_spectrogram_frame_by_frame()
    {
        var clip = Ramp(3);                  // frames 1, 2, 3
        var other = Ramp(3, offset: 100);    // frames 101, 102, 103: same length, so no offset

        var mixed = SpectrogramCorruption.Mix(clip, other, 0.25, new Random(1));

        for (var frame = 0; frame < 3; frame++)
        {
            var expected = (0.75f * (frame + 1)) + (0.25f * (frame + 101));
            Assert.All(mixed.Frame(frame).ToArray(), v => Assert.Equal(expected, v, 4));
        }
    }

    [Fact]
    public void Mix_tiles_a_shorter_spectrogram_from_its_start()
    {
        var clip = new LogMel(new float[5 * LogMel.Bins], 5);
        var other = Ramp(2); // frames 1, 2

        var mixed = SpectrogramCorruption.Mix(clip, other, 1, new Random(1));

        Assert.Equal(new[] { 1f, 2f, 1f, 2f, 1f }, Enumerable.Range(0, 5).Select(f => mixed.Frame(f)[0]).ToArray());
    }

    [Fact]
    public void Mix_crops_a_longer_spectrogram_at_a_random_offset_that_fits()
    {
        var clip = new LogMel(new float[3 * LogMel.Bins], 3);
        var other = Ramp(10); // frames 1..10
        var starts = new HashSet<float>();

        for (var seed = 0; seed < 50; seed++)
        {
            var mixed = SpectrogramCorruption.Mix(clip, other, 1, new Random(seed));
            var first = mixed.Frame(0)[0];
            Assert.Equal(new[] { first, first + 1, first + 2 }, Enumerable.Range(0, 3).Select(f => mixed.Frame(f)[0]).ToArray());
            Assert.InRange(first, 1, 8);
            starts.Add(first);
        }

        Assert.True(starts.Count > 4, "the offset should vary with the seed");
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    public void Rejects_alpha_outside_0_to_1(double alpha)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SpectrogramCorruption.Gaussian(Ramp(1), alpha, new Random(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpectrogramCorruption.Mix(Ramp(1), Ramp(1), alpha, new Random(1)));
    }

    [Fact]
    public void Mix_rejects_an_empty_spectrogram_to_mix_in() =>
        Assert.Throws<ArgumentException>(() => SpectrogramCorruption.Mix(Ramp(2), new LogMel([], 0), 0.5, new Random(1)));
}
