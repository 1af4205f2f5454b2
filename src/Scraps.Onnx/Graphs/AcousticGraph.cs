namespace Scraps.Onnx.Graphs;

/// <summary>
/// Builds <c>acoustic.onnx</c>: inputs <c>features</c> float [batch, frames, melBins] (standardised) and
/// <c>lengths</c> int64 [batch]; outputs <c>embeddings</c> float [batch, D], <c>sequence</c> float
/// [batch, steps, d] and <c>sequence_lengths</c> int64 [batch] (lengths after subsampling); with a CTC head also
/// <c>phone_log_probs</c> float [batch, phone_steps, vocabSize] (log-softmax over the inventory, class 0 the blank):
/// at the transformer's steps, or with a phone branch at the first stride-2 stage's 25 ms steps
/// (<see cref="ScrapsModelConfig.PhoneSteps"/> of the frames).
/// </summary>
public static class AcousticGraph
{
    /// <summary>Initializer prefix of the CTC head's Linear.</summary>
    public const string CtcHeadName = "acoustic.ctc_head";

    public static OnnxGraphBuilder Build(ScrapsNetWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        weights.Validate();
        var dims = weights.Dims;
        var encoder = weights.Acoustic;
        var graph = new OnnxGraphBuilder("scraps_acoustic");
        var parts = new EncoderGraphParts(graph, dims);
        var features = graph.Input(GraphPorts.Acoustic.Features, OnnxElementType.Float, "batch", "frames", dims.MelBins);
        var lengths = graph.Input(GraphPorts.Acoustic.Lengths, OnnxElementType.Int64, "batch");

        var x = parts.ZeroPadded(features, parts.ValidSteps(lengths, parts.StepCount(features)));
        x = graph.Relu(parts.Linear(x, encoder.Prenet, "acoustic.prenet", dims.MelBins, dims.ModelDim));
        (string X, string Lengths)? stage2 = null;
        for (var i = 0; i < encoder.Subsampling.Count; i++)
        {
            (x, lengths) = Subsample(parts, x, lengths, encoder.Subsampling[i], $"acoustic.subsampling.{i}");
            stage2 ??= (x, lengths);
        }

        var steps = parts.StepCount(x);
        var keyMask = parts.KeyMask(parts.ValidSteps(lengths, steps));
        x = parts.AddPositions(x, encoder.PositionTable, encoder.Alpha, steps, "acoustic");
        for (var i = 0; i < encoder.Blocks.Count; i++)
        {
            x = parts.Block(x, keyMask, encoder.Blocks[i], $"acoustic.blocks.{i}");
        }

        var sequence = parts.LayerNorm(x, encoder.FinalNorm, "acoustic.final_norm");
        var embeddings = parts.Integrate(sequence, lengths, weights.Integrator);
        graph.Output(GraphPorts.Acoustic.Embeddings, embeddings, OnnxElementType.Float, "batch", dims.LstmHidden);
        graph.Output(GraphPorts.Acoustic.Sequence, sequence, OnnxElementType.Float, "batch", "steps", dims.ModelDim);
        graph.Output(GraphPorts.Acoustic.SequenceLengths, lengths, OnnxElementType.Int64, "batch");
        if (weights.CtcHead is { } head)
        {
            var (phoneInput, width) = weights.PhoneBranch is { } branch
                ? (PhoneBranchGraph.Build(parts, stage2!.Value.X, stage2.Value.Lengths, branch, dims.PhoneBranch!), dims.PhoneBranch!.Dim)
                : (sequence, dims.ModelDim);
            var logits = parts.Linear(phoneInput, head, CtcHeadName, width, dims.VocabSize);
            var phoneSteps = weights.PhoneBranch is null ? "steps" : "phone_steps";
            graph.Output(GraphPorts.Acoustic.PhoneLogProbs, graph.LogSoftmax(logits), OnnxElementType.Float, "batch", phoneSteps, dims.VocabSize);
            if (weights.MatchingHead is not null)
            {
                graph.Output(GraphPorts.Acoustic.PhoneFeatures, graph.Identity(phoneInput), OnnxElementType.Float, "batch", phoneSteps, width);
            }
        }

        graph.Metadata("scraps.graph", "acoustic");
        graph.Metadata("scraps.acoustic_subsampling", dims.AcousticSubsampling.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return graph;
    }

    /// <summary>
    /// Zero padded steps, ReLU(Conv1d(d, d, 3, stride 2, padding 1)), lengths L -> (L - 1) / 2 + 1, zero padded
    /// steps again.
    /// </summary>
    private static (string X, string Lengths) Subsample(EncoderGraphParts parts, string x, string lengths, Conv1dWeights conv, string name)
    {
        var graph = parts.Graph;
        var d = conv.Bias.Length;
        const int Kernel = AcousticEncoderWeights.ConvKernel;
        x = parts.ZeroPadded(x, parts.ValidSteps(lengths, parts.StepCount(x)));
        var channelsFirst = graph.Transpose(x, 0, 2, 1);
        var convolved = graph.Conv(
            channelsFirst,
            graph.Initializer($"{name}.weight", conv.Weight, d, d, Kernel),
            graph.Initializer($"{name}.bias", conv.Bias, d),
            [Kernel],
            [2],
            [1, 1]);
        x = graph.Relu(graph.Transpose(convolved, 0, 2, 1));
        var one = graph.ScalarInt64(1);
        lengths = graph.Add(graph.Div(graph.Sub(lengths, one), graph.ScalarInt64(2)), one);
        x = parts.ZeroPadded(x, parts.ValidSteps(lengths, parts.StepCount(x)));
        return (x, lengths);
    }
}
