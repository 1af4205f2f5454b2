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
        var phonetic = Initializers(Path.Combine(folder, PhoneticGraph.FileName));
        var acoustic = Initializers(Path.Combine(folder, AcousticGraph.FileName));
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
            CtcHead = dims.CtcHead ? Linear(acoustic, AcousticGraph.CtcHeadName, d, dims.VocabSize) : null,
        };
        weights.Validate();
        return weights;
    }

    /// <summary>True when the package's acoustic graph holds a CTC head.</summary>
    public static bool HasCtcHead(string folder) =>
        Initializers(Path.Combine(folder, AcousticGraph.FileName)).Has($"{AcousticGraph.CtcHeadName}.bias");

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
            for (var o = 0; o < outputs; o++) weight[(o * inputs) + i] = transposed[(i * outputs) + o];
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
        if (!File.Exists(path)) throw new FileNotFoundException($"Graph not found: {path}", path);
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
                throw new InvalidDataException($"{path} has no weight '{name}'.");
            if (tensor.DataType != (int)OnnxElementType.Float || !tensor.Dims.SequenceEqual(shape))
                throw new InvalidDataException(
                    $"{path}: weight '{name}' is [{string.Join(", ", tensor.Dims)}] of type {tensor.DataType}, expected float [{string.Join(", ", shape)}] (from the model config).");
            if (tensor.RawData.Length > 0) return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray();
            return [.. tensor.FloatData];
        }
    }
}
