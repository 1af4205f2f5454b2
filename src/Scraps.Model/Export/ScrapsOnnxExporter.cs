using Scraps.Model.Modules;
using Scraps.Onnx;
using Scraps.Onnx.Graphs;

namespace Scraps.Model.Export;

/// <summary>
/// Writes a trained <see cref="ScrapsNet"/> as <c>phonetic.onnx</c> and <c>acoustic.onnx</c> (opset 17,
/// docs/architecture.md "ONNX graphs"). TorchSharp has no ONNX exporter: the weights are copied out and the
/// graphs are written by Scraps.Onnx, mirroring the modules op for op.
/// </summary>
public static class ScrapsOnnxExporter
{
    /// <exception cref="ArgumentException">The model's weights do not fit its config (the message names the tensor).</exception>
    public static OnnxExportResult Export(ScrapsNet model, string outDir)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        var (phonetic, acoustic) = ScrapsGraphWriter.Write(TorchWeightReader.Read(model), outDir);
        return new OnnxExportResult(phonetic, acoustic, OnnxGraphBuilder.OpsetVersion);
    }
}
