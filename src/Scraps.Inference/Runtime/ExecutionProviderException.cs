namespace Scraps.Inference.Runtime;

/// <summary>
/// CUDA was required (<see cref="ExecutionProviderKind.Cuda"/>) but cannot run: this ONNX Runtime build has no CUDA
/// provider, its libraries do not load, or a session cannot be created on a listed device. The message is one line and
/// names the cause (for example the missing library).
/// </summary>
public sealed class ExecutionProviderException(string message, Exception? inner = null) : NotSupportedException(message, inner);
