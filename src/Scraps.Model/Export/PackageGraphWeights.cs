using Scraps.Onnx.Graphs;
using static TorchSharp.torch;

namespace Scraps.Model.Export;

/// <summary>A model package's weights, read back out of its ONNX graphs, as a <see cref="ScrapsNet"/> (no training checkpoint needed).</summary>
public static class PackageGraphWeights
{
    /// <summary>
    /// A new model of <paramref name="config"/> holding the package's weights; <paramref name="packageHasCtcHead"/>
    /// says whether the graphs hold the head (a model that adds one keeps its new head's initialisation).
    /// </summary>
    /// <exception cref="ArgumentException">The graphs do not fit <paramref name="config"/>.</exception>
    public static ScrapsNet Load(string folder, ScrapsModelConfig config, bool packageHasCtcHead)
    {
        ArgumentNullException.ThrowIfNull(config);
        var weights = ScrapsGraphReader.Read(folder, config with { CtcHead = packageHasCtcHead });
        var model = new ScrapsNet(config);
        try
        {
            using var scope = NewDisposeScope();
            model.CopyFrom(TorchWeightWriter.ToStateDict(weights));
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
