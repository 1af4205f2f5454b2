using Scraps.Onnx.Graphs;

namespace Scraps.Onnx.Tests.Graphs;

public sealed class ScrapsNetWeightsTests
{
    private static readonly ScrapsNetWeights Weights = RandomScrapsWeights.Create(RandomScrapsWeights.TinyDims(), 1);

    [Fact]
    public void Lstm_weight_of_the_wrong_size_is_named_with_its_expected_shape()
    {
        var broken = Weights with { Integrator = Weights.Integrator with { WeightHh = new float[5] } };

        var error = Assert.Throws<ArgumentException>(broken.Validate);

        Assert.Contains("integrator.weight_hh_l0", error.Message);
        Assert.Contains("[48, 12]", error.Message);
    }

    [Fact]
    public void Non_finite_weight_is_rejected()
    {
        var norm = Weights.Acoustic.FinalNorm.Scale.ToArray();
        norm[3] = float.NaN;
        var broken = Weights with { Acoustic = Weights.Acoustic with { FinalNorm = Weights.Acoustic.FinalNorm with { Scale = norm } } };

        var error = Assert.Throws<ArgumentException>(broken.Validate);

        Assert.Contains("acoustic.final_norm.weight", error.Message);
    }

    [Fact]
    public void Block_count_must_match_the_layers()
    {
        var broken = Weights with { Phonetic = Weights.Phonetic with { Blocks = [] } };

        var error = Assert.Throws<ArgumentException>(broken.Validate);

        Assert.Contains("'phonetic.blocks' has 0 entries; expected 1", error.Message);
    }
}
