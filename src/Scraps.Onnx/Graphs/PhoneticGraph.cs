namespace Scraps.Onnx.Graphs;

/// <summary>
/// Builds <c>phonetic.onnx</c>: inputs <c>phonemes</c> int64 [batch, length] and <c>lengths</c> int64 [batch];
/// outputs <c>embeddings</c> float [batch, D] and <c>sequence</c> float [batch, length, d].
/// </summary>
public static class PhoneticGraph
{
    public static OnnxGraphBuilder Build(ScrapsNetWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        weights.Validate();
        var dims = weights.Dims;
        var encoder = weights.Phonetic;
        var graph = new OnnxGraphBuilder("scraps_phonetic");
        var parts = new EncoderGraphParts(graph, dims);
        var phonemes = graph.Input(GraphPorts.Phonetic.Phonemes, OnnxElementType.Int64, "batch", "length");
        var lengths = graph.Input(GraphPorts.Phonetic.Lengths, OnnxElementType.Int64, "batch");

        var steps = parts.StepCount(phonemes);
        var keyMask = parts.KeyMask(parts.ValidSteps(lengths, steps));
        var table = graph.Initializer("phonetic.embedding", encoder.Embedding, dims.VocabSize, dims.ModelDim);
        var x = graph.Mul(graph.Gather(table, phonemes), graph.ScalarFloat(MathF.Sqrt(dims.ModelDim)));
        x = parts.AddPositions(x, encoder.PositionTable, encoder.Alpha, steps, "phonetic");
        for (var i = 0; i < encoder.Blocks.Count; i++)
        {
            x = parts.Block(x, keyMask, encoder.Blocks[i], $"phonetic.blocks.{i}");
        }

        var sequence = parts.LayerNorm(x, encoder.FinalNorm, "phonetic.final_norm");
        var embeddings = parts.Integrate(sequence, lengths, weights.Integrator);
        graph.Output(GraphPorts.Phonetic.Embeddings, embeddings, OnnxElementType.Float, "batch", dims.LstmHidden);
        graph.Output(GraphPorts.Phonetic.Sequence, sequence, OnnxElementType.Float, "batch", "length", dims.ModelDim);
        graph.Metadata("scraps.graph", "phonetic");
        return graph;
    }
}
