namespace Scraps.Audio.Tests;

public sealed class FeatureStatisticsTests
{
    [Fact]
    public void Matches_a_two_pass_mean_and_population_std_over_all_frames()
    {
        var random = new Random(5);
        var clips = Enumerable.Range(0, 7).Select(i => RandomLogMel(random, 3 + i * 11)).ToList();
        var statistics = new FeatureStatistics();

        foreach (var clip in clips)
        {
            statistics.Add(clip);
        }

        var (mean, std) = statistics.Compute();
        var all = clips.SelectMany(c => Enumerable.Range(0, c.Frames).Select(f => c.Frame(f).ToArray())).ToList();
        Assert.Equal(all.Count, statistics.Frames);
        for (var b = 0; b < LogMel.Bins; b++)
        {
            var values = all.Select(f => (double)f[b]).ToList();
            var m = values.Average();
            var s = Math.Sqrt(values.Select(v => (v - m) * (v - m)).Average());
            Assert.Equal(m, mean[b], 4);
            Assert.Equal(s, std[b], 4);
        }
    }

    [Fact]
    public void Is_accurate_for_large_offsets()
    {
        var statistics = new FeatureStatistics();
        for (var i = 0; i < 100; i++)
        {
            statistics.Add(new LogMel(Enumerable.Repeat(-11.5f + (i % 2) * 0.002f, LogMel.Bins).ToArray(), 1));
        }

        var (mean, std) = statistics.Compute();

        Assert.Equal(-11.499, mean[0], 4);
        Assert.Equal(0.001, std[0], 5);
    }

    [Fact]
    public void Floors_the_std_of_a_constant_bin()
    {
        var statistics = new FeatureStatistics();
        statistics.Add(new LogMel(Enumerable.Repeat(-11.5f, 3 * LogMel.Bins).ToArray(), 3));

        var (_, std) = statistics.Compute();

        Assert.All(std, s => Assert.Equal(FeatureStatistics.MinStd, s));
    }

    [Fact]
    public void Merging_accumulators_equals_adding_everything_to_one()
    {
        var random = new Random(9);
        var a = RandomLogMel(random, 10);
        var b = RandomLogMel(random, 25);
        var one = new FeatureStatistics();
        one.Add(a);
        one.Add(b);
        var left = new FeatureStatistics();
        left.Add(a);
        var right = new FeatureStatistics();
        right.Add(b);

        left.Add(right);

        Assert.Equal(one.Frames, left.Frames);
        var (m1, s1) = one.Compute();
        var (m2, s2) = left.Compute();
        for (var i = 0; i < LogMel.Bins; i++)
        {
            Assert.Equal(m1[i], m2[i], 5);
            Assert.Equal(s1[i], s2[i], 5);
        }
    }

    [Fact]
    public void Concurrent_adds_count_every_frame()
    {
        var statistics = new FeatureStatistics();
        var clip = new LogMel(new float[10 * LogMel.Bins], 10);

        Parallel.For(0, 200, _ => statistics.Add(clip));

        Assert.Equal(2000, statistics.Frames);
    }

    [Fact]
    public void Compute_without_frames_fails_clearly()
    {
        var statistics = new FeatureStatistics();
        statistics.Add(new LogMel([], 0));

        var error = Assert.Throws<InvalidOperationException>(() => statistics.Compute());

        Assert.Contains("at least one frame", error.Message);
    }

    private static LogMel RandomLogMel(Random random, int frames)
    {
        var data = new float[frames * LogMel.Bins];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)(random.NextDouble() * 8 - 10 + (i % LogMel.Bins) * 0.05);
        }

        return new LogMel(data, frames);
    }
}
