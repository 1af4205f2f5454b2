namespace Scraps.Onnx.Graphs;

/// <summary>Writes <c>phonetic.onnx</c> and <c>acoustic.onnx</c> for a set of weights into a folder.</summary>
public static class ScrapsGraphWriter
{
    /// <returns>The full paths of the phonetic and acoustic graphs.</returns>
    public static (string PhoneticPath, string AcousticPath) Write(ScrapsNetWeights weights, string outDir)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        Directory.CreateDirectory(outDir);
        var phonetic = Path.GetFullPath(Path.Combine(outDir, PhoneticGraph.FileName));
        var acoustic = Path.GetFullPath(Path.Combine(outDir, AcousticGraph.FileName));
        PhoneticGraph.Build(weights).Save(phonetic);
        AcousticGraph.Build(weights).Save(acoustic);
        return (phonetic, acoustic);
    }
}
