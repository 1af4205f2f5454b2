using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Scraps.Onnx.Tests;

/// <summary>Runs a built graph through ONNX Runtime and copies every output out.</summary>
internal static class OrtRunner
{
    public static Dictionary<string, OrtTensor> Run(OnnxGraphBuilder graph, params (string Name, OrtValue Value)[] inputs)
    {
        try
        {
            using var session = new InferenceSession(graph.ToBytes());
            var feeds = inputs.ToDictionary(i => i.Name, i => i.Value);
            var names = session.OutputNames.ToArray();
            using var options = new RunOptions();
            using var results = session.Run(options, feeds, names);
            var outputs = new Dictionary<string, OrtTensor>();
            var i = 0;
            foreach (var value in results)
            {
                outputs[names[i++]] = OrtTensor.From(value);
            }

            return outputs;
        }
        finally
        {
            foreach (var (_, value) in inputs)
            {
                value.Dispose();
            }
        }
    }

    public static OrtValue Floats(float[] data, params long[] shape) => OrtValue.CreateTensorValueFromMemory(data, shape);

    public static OrtValue Int64s(long[] data, params long[] shape) => OrtValue.CreateTensorValueFromMemory(data, shape);
}

internal sealed record OrtTensor(long[] Shape, float[] Floats, long[] Int64s, int[] Int32s)
{
    public static OrtTensor From(OrtValue value)
    {
        var info = value.GetTensorTypeAndShape();
        return info.ElementDataType switch
        {
            TensorElementType.Float => new OrtTensor(info.Shape, value.GetTensorDataAsSpan<float>().ToArray(), [], []),
            TensorElementType.Int64 => new OrtTensor(info.Shape, [], value.GetTensorDataAsSpan<long>().ToArray(), []),
            TensorElementType.Int32 => new OrtTensor(info.Shape, [], [], value.GetTensorDataAsSpan<int>().ToArray()),
            TensorElementType.Bool => new OrtTensor(info.Shape, [], value.GetTensorDataAsSpan<bool>().ToArray().Select(b => b ? 1L : 0L).ToArray(), []),
            var other => throw new NotSupportedException($"Output type {other} is not handled by the test runner."),
        };
    }
}
