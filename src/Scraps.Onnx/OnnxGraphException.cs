namespace Scraps.Onnx;

/// <summary>A graph being built is inconsistent: an unknown or duplicate value name, a missing output, and so on.</summary>
public sealed class OnnxGraphException(string message) : InvalidOperationException(message);
