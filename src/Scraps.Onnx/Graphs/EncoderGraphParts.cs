namespace Scraps.Onnx.Graphs;

/// <summary>
/// The pieces both encoder graphs share (docs/architecture.md): Linear, LayerNorm, masks from lengths,
/// positional encoding, pre-LN transformer block, and the shared LSTM integrator.
/// </summary>
internal sealed class EncoderGraphParts(OnnxGraphBuilder graph, ScrapsModelConfig dims)
{
    /// <summary>Additive attention mask value for padded keys.</summary>
    public const float MaskedScore = -1e9f;

    public const float LayerNormEpsilon = 1e-5f;

    public OnnxGraphBuilder Graph => graph;

    public ScrapsModelConfig Dims => dims;

    /// <summary>x [..., in] -> [..., out]: x W^T + b with W stored transposed as [in, out].</summary>
    public string Linear(string x, LinearWeights weights, string name, int inputs, int outputs)
    {
        var transposed = new float[weights.Weight.Length];
        for (var o = 0; o < outputs; o++)
        {
            for (var i = 0; i < inputs; i++)
            {
                transposed[(i * outputs) + o] = weights.Weight[(o * inputs) + i];
            }
        }

        var w = graph.Initializer($"{name}.weight_t", transposed, inputs, outputs);
        var b = graph.Initializer($"{name}.bias", weights.Bias, outputs);
        return graph.Add(graph.MatMul(x, w), b);
    }

    public string LayerNorm(string x, LayerNormWeights weights, string name) =>
        graph.LayerNormalization(
            x,
            graph.Initializer($"{name}.weight", weights.Scale, weights.Scale.Length),
            graph.Initializer($"{name}.bias", weights.Bias, weights.Bias.Length),
            LayerNormEpsilon);

    /// <summary>The length of axis 1 of <paramref name="x"/> as an int64 [1].</summary>
    public string StepCount(string x) => graph.Shape(x, 1, 2);

    /// <summary>bool [B, T]: step t of item b is within lengths[b].</summary>
    public string ValidSteps(string lengths, string stepCount)
    {
        var positions = graph.Range(graph.ScalarInt64(0), graph.Squeeze(stepCount, 0), graph.ScalarInt64(1));
        return graph.Less(graph.Unsqueeze(positions, 0), graph.Unsqueeze(lengths, 1));
    }

    /// <summary>x [B, T, C] with the steps that are not valid set to zero.</summary>
    public string ZeroPadded(string x, string validSteps) =>
        graph.Mul(x, graph.Unsqueeze(graph.Cast(validSteps, OnnxElementType.Float), 2));

    /// <summary>float [B, 1, 1, T]: 0 for valid keys, <see cref="MaskedScore"/> for padded ones.</summary>
    public string KeyMask(string validSteps) =>
        graph.Unsqueeze(graph.Where(validSteps, graph.ScalarFloat(0f), graph.ScalarFloat(MaskedScore)), 1, 2);

    /// <summary>x + alpha * PE[0:T].</summary>
    public string AddPositions(string x, float[] table, float alpha, string stepCount, string name)
    {
        var pe = graph.Initializer($"{name}.position_table", table, table.Length / dims.ModelDim, dims.ModelDim);
        var rows = graph.Slice(pe, graph.Constant(0), stepCount, graph.Constant(0));
        var scaled = graph.Mul(graph.Initializer($"{name}.alpha", [alpha]), rows);
        return graph.Add(x, scaled);
    }

    /// <summary>One pre-LN block: h = x + MHA(LN1(x)); y = h + FFN(LN2(h)).</summary>
    public string Block(string x, string keyMask, TransformerBlockWeights weights, string name)
    {
        var d = dims.ModelDim;
        var attention = Attention(LayerNorm(x, weights.Norm1, $"{name}.norm1"), keyMask, weights.Attention, $"{name}.attention");
        var h = graph.Add(x, attention);
        var inner = graph.Relu(Linear(LayerNorm(h, weights.Norm2, $"{name}.norm2"), weights.Ffn1, $"{name}.ffn1", d, dims.FfnDim));
        return graph.Add(h, Linear(inner, weights.Ffn2, $"{name}.ffn2", dims.FfnDim, d));
    }

    /// <summary>
    /// The shared LSTM over sequence [B, T, d] with per-item lengths; returns the hidden state at step
    /// length - 1 of each item, [B, D].
    /// </summary>
    public string Integrate(string sequence, string lengths, LstmWeights weights)
    {
        var hidden = dims.LstmHidden;
        var w = graph.Initializer("integrator.W", ToOnnxGateOrder(weights.WeightIh, hidden, dims.ModelDim), 1, 4 * hidden, dims.ModelDim);
        var r = graph.Initializer("integrator.R", ToOnnxGateOrder(weights.WeightHh, hidden, hidden), 1, 4 * hidden, hidden);
        float[] bias = [.. ToOnnxGateOrder(weights.BiasIh, hidden, 1), .. ToOnnxGateOrder(weights.BiasHh, hidden, 1)];
        var b = graph.Initializer("integrator.B", bias, 1, 8 * hidden);

        // ONNX Runtime's CPU LSTM only supports layout 0 (time-major), so go [B, T, d] -> [T, B, d].
        var outputs = graph.Lstm(
            graph.Transpose(sequence, 1, 0, 2),
            w,
            r,
            b,
            graph.Cast(lengths, OnnxElementType.Int32),
            hidden);
        return graph.Squeeze(outputs.YH, 0);
    }

    /// <summary>
    /// PyTorch stacks LSTM gate blocks as (i, f, g, o), ONNX as (i, o, f, c); each block is
    /// <paramref name="hidden"/> rows of <paramref name="width"/> values.
    /// </summary>
    internal static float[] ToOnnxGateOrder(float[] torchOrder, int hidden, int width)
    {
        int[] sourceBlock = [0, 3, 1, 2];
        var block = hidden * width;
        var reordered = new float[torchOrder.Length];
        for (var target = 0; target < 4; target++)
        {
            Array.Copy(torchOrder, sourceBlock[target] * block, reordered, target * block, block);
        }

        return reordered;
    }

    /// <summary>The inverse of <see cref="ToOnnxGateOrder"/>: ONNX (i, o, f, c) blocks back to PyTorch's (i, f, g, o).</summary>
    internal static float[] ToTorchGateOrder(float[] onnxOrder, int hidden, int width)
    {
        int[] targetBlock = [0, 3, 1, 2];
        var block = hidden * width;
        var reordered = new float[onnxOrder.Length];
        for (var source = 0; source < 4; source++)
        {
            Array.Copy(onnxOrder, source * block, reordered, targetBlock[source] * block, block);
        }

        return reordered;
    }

    private string Attention(string x, string keyMask, AttentionWeights weights, string name) =>
        Attention(x, x, keyMask, weights, name, dims.ModelDim, dims.Heads);

    /// <summary>Multi-head attention of <paramref name="x"/> over <paramref name="memory"/> (itself for self-attention), width d, h heads.</summary>
    public string Attention(string x, string memory, string keyMask, AttentionWeights weights, string name, int d, int heads)
    {
        var headDim = d / heads;

        // [B, T, d] -> [B, T, h, d/h] -> [B, h, T, d/h] (keys: [B, h, d/h, T]).
        string Heads(string projected, params long[] perm) => graph.Transpose(graph.Reshape(projected, 0, 0, heads, headDim), perm);

        var q = Heads(Linear(x, weights.Query, $"{name}.query", d, d), 0, 2, 1, 3);
        var k = Heads(Linear(memory, weights.Key, $"{name}.key", d, d), 0, 2, 3, 1);
        var v = Heads(Linear(memory, weights.Value, $"{name}.value", d, d), 0, 2, 1, 3);
        var scores = graph.Add(graph.Div(graph.MatMul(q, k), graph.ScalarFloat(MathF.Sqrt(headDim))), keyMask);
        var context = graph.MatMul(graph.Softmax(scores), v);
        var merged = graph.Reshape(graph.Transpose(context, 0, 2, 1, 3), 0, 0, d);
        return Linear(merged, weights.Output, $"{name}.output", d, d);
    }
}
