using Scraps.Onnx.Graphs;

namespace Scraps.Onnx.Tests.Graphs;

public sealed class ScrapsGraphDimsTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(4, 2)]
    public void Subsampling_factor_maps_to_its_convolution_count(int factor, int convs)
    {
        Assert.Equal(convs, RandomScrapsWeights.TinyDims(factor).SubsamplingConvs);
    }

    [Fact]
    public void Heads_must_divide_the_model_width()
    {
        var error = Assert.Throws<ArgumentException>(() => (RandomScrapsWeights.TinyDims() with { Heads = 3 }).Validate());

        Assert.Contains("ModelDim 16 is not a multiple of Heads 3", error.Message);
    }

    [Fact]
    public void Sizes_must_be_positive()
    {
        var error = Assert.Throws<ArgumentException>(() => (RandomScrapsWeights.TinyDims() with { LstmHidden = 0 }).Validate());

        Assert.Contains("LstmHidden", error.Message);
    }
}
