using Microsoft.ML.OnnxRuntime;
using Scraps.Onnx.Graphs;

namespace Scraps.Onnx.Tests.Graphs;

public sealed class ScrapsGraphWriterTests
{
    [Fact]
    public void Writes_both_graphs_into_the_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "scraps-onnx-" + Guid.NewGuid().ToString("N"), "model");
        try
        {
            var (phonetic, acoustic) = ScrapsGraphWriter.Write(RandomScrapsWeights.Create(RandomScrapsWeights.TinyDims(), 1), folder);

            Assert.Equal(Path.Combine(Path.GetFullPath(folder), "phonetic.onnx"), phonetic);
            Assert.Equal(Path.Combine(Path.GetFullPath(folder), "acoustic.onnx"), acoustic);
            using var p = new InferenceSession(phonetic);
            using var a = new InferenceSession(acoustic);
            Assert.Equal("phonetic", p.ModelMetadata.CustomMetadataMap["scraps.graph"]);
            Assert.Equal("acoustic", a.ModelMetadata.CustomMetadataMap["scraps.graph"]);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }
}
