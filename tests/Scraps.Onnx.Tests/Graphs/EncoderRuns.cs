namespace Scraps.Onnx.Tests.Graphs;

/// <summary>Pads ragged inputs into a batch and runs a Scraps encoder graph.</summary>
internal static class EncoderRuns
{
    public static Dictionary<string, OrtTensor> Phonetic(OnnxGraphBuilder graph, long[][] ids, long padValue = 0)
    {
        var width = ids.Max(s => s.Length);
        var padded = new long[ids.Length * width];
        Array.Fill(padded, padValue);
        for (var b = 0; b < ids.Length; b++)
        {
            ids[b].CopyTo(padded, b * width);
        }

        return OrtRunner.Run(
            graph,
            ("phonemes", OrtRunner.Int64s(padded, ids.Length, width)),
            ("lengths", OrtRunner.Int64s(ids.Select(s => (long)s.Length).ToArray(), ids.Length)));
    }

    /// <summary>frames[b] is [length, bins] row-major; padding is filled with <paramref name="padValue"/>.</summary>
    public static Dictionary<string, OrtTensor> Acoustic(OnnxGraphBuilder graph, float[][] frames, int bins, float padValue = 0f, int extraPadding = 0)
    {
        var width = frames.Max(f => f.Length / bins) + extraPadding;
        var padded = new float[frames.Length * width * bins];
        Array.Fill(padded, padValue);
        for (var b = 0; b < frames.Length; b++)
        {
            frames[b].CopyTo(padded, b * width * bins);
        }

        return OrtRunner.Run(
            graph,
            ("features", OrtRunner.Floats(padded, frames.Length, width, bins)),
            ("lengths", OrtRunner.Int64s(frames.Select(f => (long)(f.Length / bins)).ToArray(), frames.Length)));
    }

    public static float[] Row(OrtTensor tensor, int index)
    {
        var width = (int)tensor.Shape[^1];
        return tensor.Floats.AsSpan(index * width, width).ToArray();
    }

    /// <summary>The first <paramref name="steps"/> steps of item <paramref name="index"/> of a [B, T, d] tensor.</summary>
    public static float[] Steps(OrtTensor tensor, int index, int steps)
    {
        var t = (int)tensor.Shape[1];
        var d = (int)tensor.Shape[2];
        return tensor.Floats.AsSpan(index * t * d, steps * d).ToArray();
    }
}
