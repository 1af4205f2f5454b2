namespace Scraps.Onnx.Graphs;

/// <summary>
/// Builds <c>matching.onnx</c> for a model with a matching head: inputs <c>phone_states</c> float [batch, length, d]
/// (phonetic.onnx's <c>sequence</c>), <c>phone_lengths</c> int64 [batch], <c>frames</c> float [batch, steps, a]
/// (acoustic.onnx's <c>phone_features</c>) and <c>frame_lengths</c> int64 [batch]; output <c>phone_logits</c> float
/// [batch, length]: per token, the logit that the audio supports it (only phone tokens mean anything).
/// </summary>
public static class MatchingGraph
{
    public static OnnxGraphBuilder Build(ScrapsNetWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        weights.Validate();
        var dims = weights.Dims;
        var head = weights.MatchingHead ?? throw new ArgumentException("The model has no matching head.");
        var config = dims.MatchingHead!;
        var m = config.Dim;
        var graph = new OnnxGraphBuilder("scraps_matching");
        var parts = new EncoderGraphParts(graph, dims);
        var phones = graph.Input(GraphPorts.Matching.PhoneStates, OnnxElementType.Float, "batch", "length", dims.ModelDim);
        var phoneLengths = graph.Input(GraphPorts.Matching.PhoneLengths, OnnxElementType.Int64, "batch");
        var frames = graph.Input(GraphPorts.Matching.Frames, OnnxElementType.Float, "batch", "steps", dims.MatchingAcousticDim);
        var frameLengths = graph.Input(GraphPorts.Matching.FrameLengths, OnnxElementType.Int64, "batch");

        var x = parts.Linear(phones, head.PhoneInput, "matching_head.phone_input", dims.ModelDim, m);
        var memory = parts.Linear(frames, head.FrameInput, "matching_head.frame_input", dims.MatchingAcousticDim, m);
        var frameSteps = parts.StepCount(frames);
        var table = graph.Initializer("matching_head.position_table", head.PositionTable, MatchingHeadWeights.PositionRows(dims), m);
        var rows = graph.Slice(table, graph.Constant(0), frameSteps, graph.Constant(0));
        memory = graph.Add(memory, graph.Mul(graph.Initializer("matching_head.alpha", [head.Alpha]), rows));
        var phoneMask = parts.KeyMask(parts.ValidSteps(phoneLengths, parts.StepCount(phones)));
        var frameMask = parts.KeyMask(parts.ValidSteps(frameLengths, frameSteps));
        for (var i = 0; i < head.Layers.Count; i++)
        {
            var layer = head.Layers[i];
            var name = $"matching_head.layers.{i}";
            var normed = parts.LayerNorm(x, layer.Norm1, $"{name}.norm1");
            var h = graph.Add(x, parts.Attention(normed, normed, phoneMask, layer.SelfAttention, $"{name}.self_attention", m, config.Heads));
            var memoryNormed = parts.LayerNorm(memory, layer.MemoryNorm, $"{name}.memory_norm");
            h = graph.Add(h, parts.Attention(parts.LayerNorm(h, layer.Norm2, $"{name}.norm2"), memoryNormed, frameMask, layer.CrossAttention, $"{name}.cross_attention", m, config.Heads));
            var inner = graph.Relu(parts.Linear(parts.LayerNorm(h, layer.Norm3, $"{name}.norm3"), layer.Ffn1, $"{name}.ffn1", m, 2 * m));
            x = graph.Add(h, parts.Linear(inner, layer.Ffn2, $"{name}.ffn2", 2 * m, m));
        }

        var logits = graph.Squeeze(parts.Linear(parts.LayerNorm(x, head.FinalNorm, "matching_head.final_norm"), head.Output, "matching_head.output", m, 1), 2);
        graph.Output(GraphPorts.Matching.PhoneLogits, logits, OnnxElementType.Float, "batch", "length");
        graph.Metadata("scraps.graph", "matching");
        return graph;
    }
}
