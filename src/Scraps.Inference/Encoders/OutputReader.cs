using Microsoft.ML.OnnxRuntime;
using Scraps.Inference.Package;

namespace Scraps.Inference.Encoders;

/// <summary>Copies graph outputs out of ONNX Runtime's buffers, checking their shapes.</summary>
internal static class OutputReader
{
    public static float[][] Embeddings(OrtValue value, int batch, int dim, string graphPath)
    {
        var shape = value.GetTensorTypeAndShape().Shape;
        if (shape.Length != 2 || shape[0] != batch || shape[1] != dim)
        {
            throw new ModelPackageException(graphPath, $"output 'embeddings' has shape [{string.Join(", ", shape)}], expected [{batch}, {dim}]");
        }

        var data = value.GetTensorDataAsSpan<float>();
        var result = new float[batch][];
        for (var b = 0; b < batch; b++)
        {
            result[b] = data.Slice(b * dim, dim).ToArray();
        }

        return result;
    }

    /// <summary>Item <paramref name="b"/>'s first <paramref name="steps"/> rows of a [batch, paddedSteps, dim] output.</summary>
    public static float[] Sequence(OrtValue value, int b, int steps, int paddedSteps, int dim, string graphPath)
    {
        var shape = value.GetTensorTypeAndShape().Shape;
        if (shape.Length != 3 || shape[1] != paddedSteps || shape[2] != dim || b >= shape[0] || steps > paddedSteps)
        {
            throw new ModelPackageException(graphPath, $"a per-step output has shape [{string.Join(", ", shape)}], expected [?, {paddedSteps}, {dim}]");
        }

        return value.GetTensorDataAsSpan<float>().Slice(b * paddedSteps * dim, steps * dim).ToArray();
    }

    public static long[] Lengths(OrtValue value, int batch, string graphPath)
    {
        var shape = value.GetTensorTypeAndShape().Shape;
        if (shape.Length != 1 || shape[0] != batch)
        {
            throw new ModelPackageException(graphPath, $"output 'sequence_lengths' has shape [{string.Join(", ", shape)}], expected [{batch}]");
        }

        return value.GetTensorDataAsSpan<long>().ToArray();
    }
}
