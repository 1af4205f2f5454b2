using Scraps.Onnx.Graphs;

namespace Scraps.Onnx.Tests.Graphs;

public sealed class RandomScrapsWeightsTests
{
    [Fact]
    public void Same_seed_gives_the_same_weights_and_they_validate()
    {
        var dims = RandomScrapsWeights.TinyDims(4);

        var a = RandomScrapsWeights.Create(dims, 7);
        var b = RandomScrapsWeights.Create(dims, 7);
        var c = RandomScrapsWeights.Create(dims, 8);

        a.Validate();
        Assert.Equal(a.Integrator.WeightIh, b.Integrator.WeightIh);
        Assert.NotEqual(a.Integrator.WeightIh, c.Integrator.WeightIh);
        Assert.Equal(2, a.Acoustic.Subsampling.Count);
    }

    [Fact]
    public void Sinusoidal_table_follows_the_documented_formula()
    {
        var table = RandomScrapsWeights.SinusoidalTable(3, 4);

        // Row 2: sin(2), cos(2), sin(2 / 100), cos(2 / 100).
        Assert.Equal([0f, 1f, 0f, 1f], table[..4]);
        Assert.Equal(MathF.Sin(2f), table[8], 6);
        Assert.Equal(MathF.Cos(2f), table[9], 6);
        Assert.Equal(MathF.Sin(0.02f), table[10], 6);
        Assert.Equal(MathF.Cos(0.02f), table[11], 6);
    }

    [Fact]
    public void Unsupported_subsampling_is_rejected()
    {
        // The sizes are one record (ScrapsModelConfig), checked in one place.
        var error = Assert.Throws<InvalidDataException>(() => RandomScrapsWeights.Create(RandomScrapsWeights.TinyDims(3), 1));

        Assert.Contains("acousticSubsampling must be 1, 2 or 4, not 3", error.Message);
    }
}
