using Microsoft.ML.OnnxRuntime;

namespace Scraps.Inference.Runtime;

/// <summary>Creates ONNX Runtime sessions on a target; <see cref="OrtSessionFactory"/> in production, a substitute in tests.</summary>
internal interface IOrtSessionSource
{
    /// <summary>The execution providers this ONNX Runtime build has (not whether they can run here).</summary>
    IReadOnlyList<string> AvailableProviders();

    /// <summary>Creates a session for <paramref name="graphPath"/> on <paramref name="target"/>.</summary>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime refused: for a CUDA target a provider, driver or device error is one cause.</exception>
    InferenceSession Create(string graphPath, ExecutionTarget target);
}
