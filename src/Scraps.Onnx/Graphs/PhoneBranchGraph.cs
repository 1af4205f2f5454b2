namespace Scraps.Onnx.Graphs;

/// <summary>
/// The phone branch in ONNX, mirroring Scraps.Model's PhoneBranch: residual LayerNorm + Conv1d + ReLU blocks (padded
/// steps zeroed before each convolution), or bidirectional LSTM layers (ONNX's LSTM with sequence_lens reads each clip
/// backwards from its own last step, as the trainer's reversed-within-length backward LSTM does), then a LayerNorm.
/// </summary>
internal static class PhoneBranchGraph
{
    public static string Build(EncoderGraphParts parts, string x, string lengths, PhoneBranchWeights weights, PhoneBranchConfig config)
    {
        var graph = parts.Graph;
        var d = parts.Dims.ModelDim;
        if (config.Kind == PhoneBranchConfig.Conv)
        {
            if (weights.Input is { } input)
            {
                x = parts.Linear(x, input, "phone_branch.input", d, config.Dim);
            }

            var valid = parts.ValidSteps(lengths, parts.StepCount(x));
            for (var i = 0; i < weights.ConvBlocks.Count; i++)
            {
                var block = weights.ConvBlocks[i];
                var h = parts.ZeroPadded(parts.LayerNorm(x, block.Norm, $"phone_branch.norms.{i}"), valid);
                var convolved = graph.Conv(
                    graph.Transpose(h, 0, 2, 1),
                    graph.Initializer($"phone_branch.convs.{i}.weight", block.Conv.Weight, config.Dim, config.Dim, config.Kernel),
                    graph.Initializer($"phone_branch.convs.{i}.bias", block.Conv.Bias, config.Dim),
                    [config.Kernel],
                    [1],
                    [config.Kernel / 2, config.Kernel / 2]);
                x = graph.Add(x, graph.Relu(graph.Transpose(convolved, 0, 2, 1)));
            }
        }
        else
        {
            var half = config.Dim / 2;
            var sequenceLengths = graph.Cast(lengths, OnnxElementType.Int32);
            for (var i = 0; i < weights.LstmLayers.Count; i++)
            {
                var layer = weights.LstmLayers[i];
                var inputs = i == 0 ? d : config.Dim;
                var w = graph.Initializer($"phone_branch.lstms.{i}.W", Stack(layer, l => l.WeightIh, half, inputs), 2, 4 * half, inputs);
                var r = graph.Initializer($"phone_branch.lstms.{i}.R", Stack(layer, l => l.WeightHh, half, half), 2, 4 * half, half);
                float[] bias =
                [
                    .. EncoderGraphParts.ToOnnxGateOrder(layer.Forward.BiasIh, half, 1), .. EncoderGraphParts.ToOnnxGateOrder(layer.Forward.BiasHh, half, 1),
                    .. EncoderGraphParts.ToOnnxGateOrder(layer.Backward.BiasIh, half, 1), .. EncoderGraphParts.ToOnnxGateOrder(layer.Backward.BiasHh, half, 1),
                ];
                var b = graph.Initializer($"phone_branch.lstms.{i}.B", bias, 2, 8 * half);
                var outputs = graph.Lstm(graph.Transpose(x, 1, 0, 2), w, r, b, sequenceLengths, half, bidirectional: true);
                // Y [T, 2, B, H] -> [B, T, 2, H] -> [B, T, 2H]: forward then backward, as the trainer concatenates them.
                x = graph.Reshape(graph.Transpose(outputs.Y, 2, 0, 1, 3), 0, 0, config.Dim);
            }
        }

        return parts.LayerNorm(x, weights.FinalNorm, "phone_branch.final_norm");
    }

    /// <summary>The forward then the backward LSTM's matrix, each in ONNX's gate order: [2, 4H, width].</summary>
    private static float[] Stack(BiLstmLayerWeights layer, Func<LstmWeights, float[]> matrix, int hidden, int width) =>
        [.. EncoderGraphParts.ToOnnxGateOrder(matrix(layer.Forward), hidden, width), .. EncoderGraphParts.ToOnnxGateOrder(matrix(layer.Backward), hidden, width)];
}
