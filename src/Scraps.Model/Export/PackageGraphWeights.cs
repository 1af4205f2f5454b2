using Scraps.Model.Modules;
using Scraps.Onnx.Graphs;
using static TorchSharp.torch;

namespace Scraps.Model.Export;

/// <summary>A model package's weights, read back out of its ONNX graphs, as a <see cref="ScrapsNet"/> (no training checkpoint needed).</summary>
public static class PackageGraphWeights
{
    /// <summary>
    /// A new model of <paramref name="config"/> holding the weights of a package of architecture
    /// <paramref name="package"/>. Parts the package lacks (a CTC head, a phone branch) keep their new initialisation,
    /// and so does the head when a phone branch is added (it then reads other features than it was trained on); parts
    /// <paramref name="config"/> lacks (a second subsampling convolution) are left behind.
    /// </summary>
    /// <exception cref="ArgumentException">The graphs do not fit <paramref name="package"/>, or a shared part differs in shape.</exception>
    public static ScrapsNet Load(string folder, ScrapsModelConfig config, ScrapsModelConfig package)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(package);
        var weights = ScrapsGraphReader.Read(folder, package with { VocabSize = config.VocabSize });
        var model = new ScrapsNet(config);
        try
        {
            using var scope = NewDisposeScope();
            model.CopyFrom(TorchWeightWriter.ToStateDict(weights), ScrapsNet.FreshParts(package, config));
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
