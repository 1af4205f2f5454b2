namespace Scraps.Audio.Tests;

public sealed class FeatureStandardizerTests
{
    private static float[] Filled(float value) => Enumerable.Repeat(value, LogMel.Bins).ToArray();

    [Fact]
    public void Subtracts_the_mean_and_divides_by_the_std_per_bin()
    {
        var mean = Enumerable.Range(0, LogMel.Bins).Select(b => (float)b).ToArray();
        var std = Enumerable.Range(0, LogMel.Bins).Select(b => 1f + b).ToArray();
        var standardizer = new FeatureStandardizer(mean, std);
        var raw = new LogMel(Enumerable.Range(0, 2 * LogMel.Bins).Select(i => (float)(i % LogMel.Bins) * 3 + 1).ToArray(), 2);

        var result = standardizer.Apply(raw);

        for (var b = 0; b < LogMel.Bins; b++)
        {
            Assert.Equal((3f * b + 1 - b) / (1 + b), result.Frame(1)[b], 5);
        }

        Assert.Equal(1f, raw.Data[0]);
    }

    [Fact]
    public void Apply_in_place_changes_the_span()
    {
        var standardizer = new FeatureStandardizer(Filled(2), Filled(4));
        var data = Filled(10);

        standardizer.ApplyInPlace(data);

        Assert.All(data, v => Assert.Equal(2f, v));
    }

    [Fact]
    public void Rejects_data_that_is_not_whole_frames()
    {
        var standardizer = new FeatureStandardizer(Filled(0), Filled(1));

        var error = Assert.Throws<ArgumentException>(() => standardizer.ApplyInPlace(new float[81]));

        Assert.Contains("multiple of 80", error.Message);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Rejects_a_std_that_is_not_positive_and_finite(float bad)
    {
        var std = Filled(1);
        std[5] = bad;

        var error = Assert.Throws<ArgumentException>(() => new FeatureStandardizer(Filled(0), std));

        Assert.Contains("std[5]", error.Message);
    }

    [Fact]
    public void Rejects_vectors_of_the_wrong_length()
    {
        Assert.Throws<ArgumentException>(() => new FeatureStandardizer(new float[79], Filled(1)));
        Assert.Throws<ArgumentException>(() => new FeatureStandardizer(Filled(0), new float[81]));
    }

    [Fact]
    public void Keeps_its_own_copy_of_the_mean()
    {
        var mean = Filled(1);
        var standardizer = new FeatureStandardizer(mean, Filled(1));

        mean[0] = 100;

        Assert.Equal(1f, standardizer.Mean[0]);
    }
}
