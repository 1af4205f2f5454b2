using Microsoft.ML.OnnxRuntime;
using Scraps.Onnx.Graphs;

namespace Scraps.Onnx.Tests.Graphs;

public sealed class AcousticGraphTests
{
    private const int Bins = 80;

    [Theory]
    [InlineData(1, new long[] { 9, 4, 1 }, 9)]
    [InlineData(2, new long[] { 5, 2, 1 }, 5)]
    [InlineData(4, new long[] { 3, 1, 1 }, 3)]
    public void Subsampling_shortens_sequences_as_documented(int subsampling, long[] expectedLengths, long expectedSteps)
    {
        var graph = AcousticGraph.Build(RandomScrapsWeights.Create(RandomScrapsWeights.TinyDims(subsampling), seed: 2));

        var result = EncoderRuns.Acoustic(graph, [Frames(9, 1), Frames(4, 2), Frames(1, 3)], Bins);

        Assert.Equal(expectedLengths, result["sequence_lengths"].Int64s);
        Assert.Equal([3, expectedSteps, 16], result["sequence"].Shape);
        Assert.Equal([3, 12], result["embeddings"].Shape);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Padded_frames_whatever_their_values_do_not_change_an_items_outputs(int subsampling)
    {
        var graph = AcousticGraph.Build(RandomScrapsWeights.Create(RandomScrapsWeights.TinyDims(subsampling), seed: 3));
        var item = Frames(7, 4);

        var alone = EncoderRuns.Acoustic(graph, [item], Bins);
        var batched = EncoderRuns.Acoustic(graph, [Frames(13, 5), item], Bins, padValue: 100f, extraPadding: 3);

        var steps = (int)alone["sequence_lengths"].Int64s[0];
        Assert.Equal(steps, batched["sequence_lengths"].Int64s[1]);
        TestAssert.Close(EncoderRuns.Row(alone["embeddings"], 0), EncoderRuns.Row(batched["embeddings"], 1), 1e-4f);
        TestAssert.Close(EncoderRuns.Steps(alone["sequence"], 0, steps), EncoderRuns.Steps(batched["sequence"], 1, steps), 1e-4f);
    }

    [Fact]
    public void Graph_has_the_documented_ports_with_dynamic_axes()
    {
        using var session = new InferenceSession(AcousticGraph.Build(RandomScrapsWeights.Create(RandomScrapsWeights.TinyDims(), seed: 4)).ToBytes());

        Assert.Equal(["features", "lengths"], session.InputNames);
        Assert.Equal(["embeddings", "sequence", "sequence_lengths"], session.OutputNames);
        Assert.Equal([-1, -1, Bins], session.InputMetadata["features"].Dimensions);
        Assert.Equal(["batch", "frames", ""], session.InputMetadata["features"].SymbolicDimensions);
        Assert.Equal(["batch", "steps", ""], session.OutputMetadata["sequence"].SymbolicDimensions);
        Assert.Equal("2", session.ModelMetadata.CustomMetadataMap["scraps.acoustic_subsampling"]);
    }

    [Fact]
    public void Missing_subsampling_convolution_is_rejected()
    {
        var weights = RandomScrapsWeights.Create(RandomScrapsWeights.TinyDims(4), seed: 5);
        var broken = weights with { Acoustic = weights.Acoustic with { Subsampling = [weights.Acoustic.Subsampling[0]] } };

        var error = Assert.Throws<ArgumentException>(() => AcousticGraph.Build(broken));

        Assert.Contains("acoustic.subsampling", error.Message);
    }

    private static float[] Frames(int count, int seed) => Reference.Random(count * Bins, seed);
}
