namespace Scraps.Onnx;

/// <summary>One-line helpers for the opset-17 operators the Scraps graphs use. Each returns its output's name.</summary>
public sealed partial class OnnxGraphBuilder
{
    public string Add(string a, string b) => Single("Add", a, b);

    public string Sub(string a, string b) => Single("Sub", a, b);

    public string Mul(string a, string b) => Single("Mul", a, b);

    /// <summary>Element-wise division; for integer tensors ONNX truncates (floor for the non-negative values we use).</summary>
    public string Div(string a, string b) => Single("Div", a, b);

    public string MatMul(string a, string b) => Single("MatMul", a, b);

    public string Relu(string x) => Single("Relu", x);

    public string Identity(string x) => Single("Identity", x);

    public string Softmax(string x, long axis = -1) => Single("Softmax", [x], OnnxAttribute.Int("axis", axis));

    public string LogSoftmax(string x, long axis = -1) => Single("LogSoftmax", [x], OnnxAttribute.Int("axis", axis));

    /// <summary>LayerNormalization (opset 17) over the axes from <paramref name="axis"/> on, with scale and bias.</summary>
    public string LayerNormalization(string x, string scale, string bias, float epsilon = 1e-5f, long axis = -1) =>
        Single("LayerNormalization", [x, scale, bias], OnnxAttribute.Int("axis", axis), OnnxAttribute.Float("epsilon", epsilon));

    /// <summary>Convolution of X [N, C, ...] with W [M, C/group, k...] and optional bias B [M] (pass null for none).</summary>
    public string Conv(string x, string weight, string? bias, long[] kernelShape, long[] strides, long[] pads) =>
        Single(
            "Conv",
            bias is null ? [x, weight] : [x, weight, bias],
            OnnxAttribute.Ints("kernel_shape", kernelShape),
            OnnxAttribute.Ints("strides", strides),
            OnnxAttribute.Ints("pads", pads));

    public string Gather(string data, string indices, long axis = 0) =>
        Single("Gather", [data, indices], OnnxAttribute.Int("axis", axis));

    public string Transpose(string x, params long[] perm) => Single("Transpose", [x], OnnxAttribute.Ints("perm", perm));

    /// <summary>Reshape to a constant shape (0 copies the input's size, -1 is inferred).</summary>
    public string Reshape(string x, params long[] shape) => Reshape(x, Constant(shape));

    /// <summary>Reshape to the shape held by the int64 value <paramref name="shape"/>.</summary>
    public string Reshape(string x, string shape) => Single("Reshape", x, shape);

    /// <summary>Slice with constant bounds.</summary>
    public string Slice(string x, long[] starts, long[] ends, long[] axes) =>
        Slice(x, Constant(starts), Constant(ends), Constant(axes));

    /// <summary>Slice with bounds held by int64 values (1-D, one entry per axis).</summary>
    public string Slice(string x, string starts, string ends, string axes) => Single("Slice", x, starts, ends, axes);

    public string Unsqueeze(string x, params long[] axes) => Single("Unsqueeze", x, Constant(axes));

    public string Squeeze(string x, params long[] axes) => Single("Squeeze", x, Constant(axes));

    public string Concat(long axis, params string[] inputs) => Single("Concat", inputs, OnnxAttribute.Int("axis", axis));

    public string Cast(string x, OnnxElementType to) => Single("Cast", [x], OnnxAttribute.Int("to", (long)to));

    /// <summary>The int64 shape of <paramref name="x"/>, optionally only dims [start, end) (opset 15).</summary>
    public string Shape(string x, long? start = null, long? end = null)
    {
        var attributes = new List<OnnxAttribute>();
        if (start is { } s)
        {
            attributes.Add(OnnxAttribute.Int("start", s));
        }

        if (end is { } e)
        {
            attributes.Add(OnnxAttribute.Int("end", e));
        }

        return Single("Shape", [x], [.. attributes]);
    }

    public string Less(string a, string b) => Single("Less", a, b);

    public string Where(string condition, string whenTrue, string whenFalse) => Single("Where", condition, whenTrue, whenFalse);

    /// <summary>Range(start, limit, delta): scalars in, 1-D out.</summary>
    public string Range(string start, string limit, string delta) => Single("Range", start, limit, delta);

    /// <summary>
    /// ONNX LSTM, forward, one layer, time-major: X [T, B, I], W [1, 4H, I], R [1, 4H, H], B [1, 8H] (gates in
    /// ONNX order i, o, f, c), sequence_lens int32 [B] or null.
    /// </summary>
    public OnnxLstmOutputs Lstm(string x, string w, string r, string b, string? sequenceLengths, long hiddenSize, bool bidirectional = false)
    {
        var outputs = Node(
            "LSTM",
            [x, w, r, b, sequenceLengths ?? ""],
            3,
            OnnxAttribute.Int("hidden_size", hiddenSize),
            OnnxAttribute.String("direction", bidirectional ? "bidirectional" : "forward"));
        return new OnnxLstmOutputs(outputs[0], outputs[1], outputs[2]);
    }

    private string Single(string opType, params string[] inputs) => Node(opType, inputs, 1)[0];

    private string Single(string opType, string[] inputs, params OnnxAttribute[] attributes) => Node(opType, inputs, 1, attributes)[0];
}
