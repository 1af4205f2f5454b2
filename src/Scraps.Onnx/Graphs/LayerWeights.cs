namespace Scraps.Onnx.Graphs;

/// <summary>A Linear layer in PyTorch layout: <paramref name="Weight"/> [out, in] row-major, <paramref name="Bias"/> [out].</summary>
public sealed record LinearWeights(float[] Weight, float[] Bias)
{
    internal void Validate(string name, int inputs, int outputs)
    {
        WeightCheck.Length(Weight, inputs * outputs, $"{name}.weight", $"[{outputs}, {inputs}]");
        WeightCheck.Length(Bias, outputs, $"{name}.bias", $"[{outputs}]");
    }
}

/// <summary>A LayerNorm's affine parameters, each [width].</summary>
public sealed record LayerNormWeights(float[] Scale, float[] Bias)
{
    internal void Validate(string name, int width)
    {
        WeightCheck.Length(Scale, width, $"{name}.weight", $"[{width}]");
        WeightCheck.Length(Bias, width, $"{name}.bias", $"[{width}]");
    }
}

/// <summary>A Conv1d in PyTorch layout: <paramref name="Weight"/> [out, in, kernel], <paramref name="Bias"/> [out].</summary>
public sealed record Conv1dWeights(float[] Weight, float[] Bias)
{
    internal void Validate(string name, int inputs, int outputs, int kernel)
    {
        WeightCheck.Length(Weight, outputs * inputs * kernel, $"{name}.weight", $"[{outputs}, {inputs}, {kernel}]");
        WeightCheck.Length(Bias, outputs, $"{name}.bias", $"[{outputs}]");
    }
}

internal static class WeightCheck
{
    public static void Length(float[]? values, long expected, string name, string shape)
    {
        if (values is null)
        {
            throw new ArgumentException($"Weight '{name}' is missing (expected {shape}).");
        }

        if (values.Length != expected)
        {
            throw new ArgumentException($"Weight '{name}' has {values.Length} values; expected {shape} = {expected}.");
        }

        foreach (var value in values)
        {
            if (!float.IsFinite(value))
            {
                throw new ArgumentException($"Weight '{name}' holds a non-finite value ({value}).");
            }
        }
    }

    public static void Count<T>(IReadOnlyList<T>? items, int expected, string name)
    {
        if (items is null || items.Count != expected)
        {
            throw new ArgumentException($"'{name}' has {items?.Count ?? 0} entries; expected {expected}.");
        }
    }

    public static void Finite(float value, string name)
    {
        if (!float.IsFinite(value))
        {
            throw new ArgumentException($"Weight '{name}' is not finite ({value}).");
        }
    }
}
