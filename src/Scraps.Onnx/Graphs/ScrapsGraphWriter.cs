namespace Scraps.Onnx.Graphs;

/// <summary>Writes <c>phonetic.onnx</c> and <c>acoustic.onnx</c> (and <c>matching.onnx</c> for a model with a matching head) into a folder.</summary>
public static class ScrapsGraphWriter
{
    /// <returns>The full paths of the phonetic and acoustic graphs.</returns>
    public static (string PhoneticPath, string AcousticPath) Write(ScrapsNetWeights weights, string outDir)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        Directory.CreateDirectory(outDir);
        var phonetic = Path.GetFullPath(Path.Combine(outDir, GraphPorts.Phonetic.FileName));
        var acoustic = Path.GetFullPath(Path.Combine(outDir, GraphPorts.Acoustic.FileName));
        PhoneticGraph.Build(weights).Save(phonetic);
        AcousticGraph.Build(weights).Save(acoustic);
        var matching = Path.GetFullPath(Path.Combine(outDir, GraphPorts.Matching.FileName));
        if (weights.MatchingHead is not null)
        {
            MatchingGraph.Build(weights).Save(matching);
        }
        else if (File.Exists(matching))
        {
            File.Delete(matching); // a stale head of another model must not be read with these graphs
        }

        return (phonetic, acoustic);
    }
}
