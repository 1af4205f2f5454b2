using Microsoft.ML.OnnxRuntime;
using Scraps.Onnx.Graphs;

namespace Scraps.Onnx.Tests.Graphs;

public sealed class PhoneticGraphTests
{
    private static readonly ScrapsNetWeights Weights = RandomScrapsWeights.Create(RandomScrapsWeights.TinyDims() with { Layers = 2 }, seed: 1);

    [Fact]
    public void Graph_has_the_documented_ports_with_dynamic_batch_and_length()
    {
        using var session = new InferenceSession(PhoneticGraph.Build(Weights).ToBytes());

        Assert.Equal(["phonemes", "lengths"], session.InputNames);
        Assert.Equal(["embeddings", "sequence"], session.OutputNames);
        Assert.Equal(["batch", "length"], session.InputMetadata["phonemes"].SymbolicDimensions);
        Assert.Equal([-1, 12], session.OutputMetadata["embeddings"].Dimensions);
        Assert.Equal([-1, -1, 16], session.OutputMetadata["sequence"].Dimensions);
    }

    [Fact]
    public void Padding_and_batch_neighbours_do_not_change_an_items_outputs()
    {
        var graph = PhoneticGraph.Build(Weights);
        long[] item = [5, 9, 3, 7];

        var alone = EncoderRuns.Phonetic(graph, [item]);
        var batched = EncoderRuns.Phonetic(graph, [[1, 2, 3, 4, 5, 6, 7, 8, 9], item, [4]], padValue: 11);

        Assert.Equal([3, 12], batched["embeddings"].Shape);
        Assert.Equal([3, 9, 16], batched["sequence"].Shape);
        TestAssert.Close(EncoderRuns.Row(alone["embeddings"], 0), EncoderRuns.Row(batched["embeddings"], 1), 1e-4f);
        TestAssert.Close(EncoderRuns.Steps(alone["sequence"], 0, 4), EncoderRuns.Steps(batched["sequence"], 1, 4), 1e-4f);
    }

    [Fact]
    public void Different_sequences_get_different_vectors()
    {
        var result = EncoderRuns.Phonetic(PhoneticGraph.Build(Weights), [[5, 9, 3], [5, 9, 4], [6]]);

        var vectors = Enumerable.Range(0, 3).Select(i => EncoderRuns.Row(result["embeddings"], i)).ToArray();
        Assert.True(Distance(vectors[0], vectors[1]) > 1e-3);
        Assert.True(Distance(vectors[0], vectors[2]) > 1e-3);
        Assert.All(vectors.SelectMany(v => v), v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Invalid_weights_are_rejected_with_the_weight_named()
    {
        var broken = Weights with { Phonetic = Weights.Phonetic with { Embedding = new float[10] } };

        var error = Assert.Throws<ArgumentException>(() => PhoneticGraph.Build(broken));

        Assert.Contains("phonetic.embedding", error.Message);
    }

    private static double Distance(float[] a, float[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());
}
