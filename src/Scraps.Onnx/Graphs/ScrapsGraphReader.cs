using Scraps.Onnx.Protobuf;

namespace Scraps.Onnx.Graphs;

/// <summary>
/// Reads the weights back out of a package's <c>phonetic.onnx</c> and <c>acoustic.onnx</c> (the inverse of
/// <see cref="ScrapsGraphWriter"/>: initializers by name, transposed Linear weights and ONNX's LSTM gate order undone),
/// so that a shipped model can be fine-tuned or its weights exchanged without the checkpoint it was exported from.
/// </summary>
public static class ScrapsGraphReader
{
    /// <exception cref="FileNotFoundException">A graph file is missing.</exception>
    /// <exception cref="InvalidDataException">A graph is not ONNX, or lacks a weight of <paramref name="dims"/>'s shape (named).</exception>
    public static ScrapsNetWeights Read(string folder, ScrapsModelConfig dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        var phonetic = Initializers(Path.Combine(folder, GraphPorts.Phonetic.FileName));
        var acoustic = Initializers(Path.Combine(folder, GraphPorts.Acoustic.FileName));
        var d = dims.ModelDim;
        var weights = new ScrapsNetWeights(
            dims,
            new PhoneticEncoderWeights(
                phonetic.Get("phonetic.embedding", dims.VocabSize, d),
                phonetic.Get("phonetic.alpha")[0],
                phonetic.Get("phonetic.position_table", dims.MaxPositions, d),
                Enumerable.Range(0, dims.Layers).Select(i => Block(phonetic, $"phonetic.blocks.{i}", dims)).ToArray(),
                Norm(phonetic, "phonetic.final_norm", d)),
            new AcousticEncoderWeights(
                Linear(acoustic, "acoustic.prenet", dims.MelBins, d),
                Enumerable.Range(0, dims.SubsamplingConvolutions)
                    .Select(i => new Conv1dWeights(
                        acoustic.Get($"acoustic.subsampling.{i}.weight", d, d, AcousticEncoderWeights.ConvKernel),
                        acoustic.Get($"acoustic.subsampling.{i}.bias", d)))
                    .ToArray(),
                acoustic.Get("acoustic.alpha")[0],
                acoustic.Get("acoustic.position_table", dims.MaxPositions, d),
                Enumerable.Range(0, dims.Layers).Select(i => Block(acoustic, $"acoustic.blocks.{i}", dims)).ToArray(),
                Norm(acoustic, "acoustic.final_norm", d)),
            Lstm(acoustic, dims))
        {
            PhoneBranch = dims.PhoneBranch is { } branch ? Branch(acoustic, dims, branch) : null,
            MatchingHead = dims.MatchingHead is null ? null : Matching(Initializers(Path.Combine(folder, GraphPorts.Matching.FileName)), dims),
            CtcHead = dims.CtcHead ? Linear(acoustic, AcousticGraph.CtcHeadName, dims.PhoneBranch?.Dim ?? d, dims.VocabSize) : null,
        };
        weights.Validate();
        return weights;
    }

    private static PhoneBranchWeights Branch(Tensors t, ScrapsModelConfig dims, PhoneBranchConfig config)
    {
        var d = dims.ModelDim;
        if (config.Kind == PhoneBranchConfig.Conv)
        {
            return new PhoneBranchWeights(
                config.Dim == d ? null : Linear(t, "phone_branch.input", d, config.Dim),
                Enumerable.Range(0, config.Layers)
                    .Select(i => new PhoneConvBlockWeights(
                        Norm(t, $"phone_branch.norms.{i}", config.Dim),
                        new Conv1dWeights(t.Get($"phone_branch.convs.{i}.weight", config.Dim, config.Dim, config.Kernel), t.Get($"phone_branch.convs.{i}.bias", config.Dim))))
                    .ToArray(),
                [],
                Norm(t, "phone_branch.final_norm", config.Dim));
        }

        var half = config.Dim / 2;
        var layers = new List<BiLstmLayerWeights>();
        for (var i = 0; i < config.Layers; i++)
        {
            var inputs = i == 0 ? d : config.Dim;
            var w = t.Get($"phone_branch.lstms.{i}.W", 2, 4 * half, inputs);
            var r = t.Get($"phone_branch.lstms.{i}.R", 2, 4 * half, half);
            var b = t.Get($"phone_branch.lstms.{i}.B", 2, 8 * half);
            LstmWeights Direction(int k) => new(
                EncoderGraphParts.ToTorchGateOrder(w[(k * 4 * half * inputs)..((k + 1) * 4 * half * inputs)], half, inputs),
                EncoderGraphParts.ToTorchGateOrder(r[(k * 4 * half * half)..((k + 1) * 4 * half * half)], half, half),
                EncoderGraphParts.ToTorchGateOrder(b[(k * 8 * half)..((k * 8 * half) + (4 * half))], half, 1),
                EncoderGraphParts.ToTorchGateOrder(b[((k * 8 * half) + (4 * half))..((k + 1) * 8 * half)], half, 1));
            layers.Add(new BiLstmLayerWeights(Direction(0), Direction(1)));
        }

        return new PhoneBranchWeights(null, [], layers, Norm(t, "phone_branch.final_norm", config.Dim));
    }

    private static MatchingHeadWeights Matching(Tensors t, ScrapsModelConfig dims)
    {
        var m = dims.MatchingHead!.Dim;
        AttentionWeights Attention(string name) => new(
            Linear(t, $"{name}.query", m, m), Linear(t, $"{name}.key", m, m), Linear(t, $"{name}.value", m, m), Linear(t, $"{name}.output", m, m));
        return new MatchingHeadWeights(
            Linear(t, "matching_head.phone_input", dims.ModelDim, m),
            Linear(t, "matching_head.frame_input", dims.MatchingAcousticDim, m),
            t.Get("matching_head.alpha")[0],
            t.Get("matching_head.position_table", MatchingHeadWeights.PositionRows(dims), m),
            Enumerable.Range(0, dims.MatchingHead.Layers).Select(i =>
            {
                var name = $"matching_head.layers.{i}";
                return new MatchingLayerWeights(
                    Norm(t, $"{name}.norm1", m), Attention($"{name}.self_attention"), Norm(t, $"{name}.norm2", m), Norm(t, $"{name}.memory_norm", m),
                    Attention($"{name}.cross_attention"), Norm(t, $"{name}.norm3", m), Linear(t, $"{name}.ffn1", m, 2 * m), Linear(t, $"{name}.ffn2", 2 * m, m));
            }).ToArray(),
            Norm(t, "matching_head.final_norm", m),
            Linear(t, "matching_head.output", m, 1));
    }

    /// <summary>True when the package's acoustic graph holds a CTC head.</summary>
    public static bool HasCtcHead(string folder) =>
        Initializers(Path.Combine(folder, GraphPorts.Acoustic.FileName)).Has($"{AcousticGraph.CtcHeadName}.bias");

    private static TransformerBlockWeights Block(Tensors t, string name, ScrapsModelConfig dims) => new(
        Norm(t, $"{name}.norm1", dims.ModelDim),
        new AttentionWeights(
            Linear(t, $"{name}.attention.query", dims.ModelDim, dims.ModelDim),
            Linear(t, $"{name}.attention.key", dims.ModelDim, dims.ModelDim),
            Linear(t, $"{name}.attention.value", dims.ModelDim, dims.ModelDim),
            Linear(t, $"{name}.attention.output", dims.ModelDim, dims.ModelDim)),
        Norm(t, $"{name}.norm2", dims.ModelDim),
        Linear(t, $"{name}.ffn1", dims.ModelDim, dims.FfnDim),
        Linear(t, $"{name}.ffn2", dims.FfnDim, dims.ModelDim));

    /// <summary>The graph stores W^T [in, out]; PyTorch's layout is W [out, in].</summary>
    private static LinearWeights Linear(Tensors t, string name, int inputs, int outputs)
    {
        var transposed = t.Get($"{name}.weight_t", inputs, outputs);
        var weight = new float[transposed.Length];
        for (var i = 0; i < inputs; i++)
        {
            for (var o = 0; o < outputs; o++)
            {
                weight[(o * inputs) + i] = transposed[(i * outputs) + o];
            }
        }
        return new LinearWeights(weight, t.Get($"{name}.bias", outputs));
    }

    private static LayerNormWeights Norm(Tensors t, string name, int width) =>
        new(t.Get($"{name}.weight", width), t.Get($"{name}.bias", width));

    private static LstmWeights Lstm(Tensors t, ScrapsModelConfig dims)
    {
        var hidden = dims.LstmHidden;
        var bias = t.Get("integrator.B", 1, 8 * hidden);
        return new LstmWeights(
            EncoderGraphParts.ToTorchGateOrder(t.Get("integrator.W", 1, 4 * hidden, dims.ModelDim), hidden, dims.ModelDim),
            EncoderGraphParts.ToTorchGateOrder(t.Get("integrator.R", 1, 4 * hidden, hidden), hidden, hidden),
            EncoderGraphParts.ToTorchGateOrder(bias[..(4 * hidden)], hidden, 1),
            EncoderGraphParts.ToTorchGateOrder(bias[(4 * hidden)..], hidden, 1));
    }

    private static Tensors Initializers(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Graph not found: {path}", path);
        }

        ModelProto model;
        try
        {
            using var stream = File.OpenRead(path);
            model = ModelProto.Parser.ParseFrom(stream);
        }
        catch (Google.Protobuf.InvalidProtocolBufferException e)
        {
            throw new InvalidDataException($"{path} is not an ONNX model: {e.Message}", e);
        }
        return new Tensors(path, model.Graph?.Initializer.ToDictionary(i => i.Name) ?? []);
    }

    private sealed class Tensors(string path, Dictionary<string, TensorProto> byName)
    {
        public bool Has(string name) => byName.ContainsKey(name);

        public float[] Get(string name, params long[] shape)
        {
            if (!byName.TryGetValue(name, out var tensor))
            {
                throw new InvalidDataException($"{path} has no weight '{name}'.");
            }

            if (tensor.DataType != (int)OnnxElementType.Float || !tensor.Dims.SequenceEqual(shape))
            {
                throw new InvalidDataException(
                    $"{path}: weight '{name}' is [{string.Join(", ", tensor.Dims)}] of type {tensor.DataType}, expected float [{string.Join(", ", shape)}] (from the model config).");
            }

            if (tensor.RawData.Length > 0)
            {
                return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray();
            }

            return [.. tensor.FloatData];
        }
    }
}
