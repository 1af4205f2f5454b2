namespace Scraps.Onnx;

/// <summary>
/// One dimension of a graph input or output: a fixed size (<c>dim_value</c>) or a named dynamic axis
/// (<c>dim_param</c>, e.g. "batch"); <c>default</c> is an unnamed unknown size. Converts implicitly from
/// <see cref="long"/> and <see cref="string"/>.
/// </summary>
public readonly record struct OnnxDim
{
    private OnnxDim(long? size, string? symbol)
    {
        Size = size;
        Symbol = symbol;
    }

    /// <summary>The fixed size, or null for a dynamic axis.</summary>
    public long? Size { get; }

    /// <summary>The dynamic axis name, or null for a fixed size.</summary>
    public string? Symbol { get; }

    public static OnnxDim Fixed(long size) =>
        size >= 0 ? new OnnxDim(size, null) : throw new ArgumentOutOfRangeException(nameof(size), size, "A fixed ONNX dimension must be >= 0.");

    public static OnnxDim Dynamic(string symbol) =>
        string.IsNullOrWhiteSpace(symbol)
            ? throw new ArgumentException("A dynamic ONNX dimension needs a non-empty name.", nameof(symbol))
            : new OnnxDim(null, symbol);

    public static implicit operator OnnxDim(long size) => Fixed(size);

    public static implicit operator OnnxDim(string symbol) => Dynamic(symbol);

    public override string ToString() => Symbol ?? Size?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
}
