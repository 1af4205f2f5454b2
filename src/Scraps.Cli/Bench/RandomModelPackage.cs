using System.Text.Json.Nodes;
using Scraps.Audio;
using Scraps.Inference.Package;
using Scraps.Onnx.Graphs;
using Scraps.Phonetics;

namespace Scraps.Cli.Bench;

/// <summary>
/// A random-weight package of a shipped configuration with the en-us inventory: the same compute as a trained
/// model of that size, for load tests before (or without) a trained one. Its scores mean nothing.
/// "small" is configs/small.json (d 128, 2 blocks, 4 heads, ffn 512, D 256, x2 subsampling); "paper" is
/// configs/paper.json (d 256, 3 blocks, 8 heads, ffn 1024, D 1024, x4 subsampling).
/// </summary>
internal static class RandomModelPackage
{
    /// <exception cref="ArgumentException">Unknown configuration name.</exception>
    public static string Ensure(string folder, string config = "small")
    {
        var full = Path.GetFullPath(folder);
        if (File.Exists(Path.Combine(full, ModelManifest.FileName)))
        {
            return full;
        }

        var dims = config switch
        {
            "small" => Dims(modelDim: 128, layers: 2, heads: 4, ffn: 512, lstm: 256, subsampling: 2),
            "paper" => Dims(modelDim: 256, layers: 3, heads: 8, ffn: 1024, lstm: 1024, subsampling: 4),
            _ => throw new ArgumentException($"--random-config must be small or paper, got '{config}'"),
        };
        ScrapsGraphWriter.Write(RandomScrapsWeights.Create(dims, seed: 2307), full);
        ModelPackageWriter.Write(full, new ModelManifest
        {
            Name = $"random-{config}",
            Version = "0.0.0",
            Created = DateTimeOffset.UtcNow,
            Architecture = dims,
            FrontEnd = FrontEndSettings.Default,
            Features = new FeatureMeanStd(Enumerable.Repeat(-4f, LogMel.Bins).ToArray(), Enumerable.Repeat(2f, LogMel.Bins).ToArray()),
            Phonemes = PhonemeInventoryInfo.From(PhonemeInventory.EnglishUs),
            G2p = new G2pInfo(EspeakPhonemizer.EngineName, "en-us", "unknown"),
            Calibration = new CalibrationInfo(CalibrationInfo.Logistic, 1, 0),
            Threshold = 0,
            TrainingSummary = new JsonObject { ["note"] = $"random weights of the {config} configuration, for load tests only" },
        });
        return full;
    }

    private static ScrapsModelConfig Dims(int modelDim, int layers, int heads, int ffn, int lstm, int subsampling) => new()
    {
        ModelDim = modelDim,
        Layers = layers,
        Heads = heads,
        FfnDim = ffn,
        LstmHidden = lstm,
        AcousticSubsampling = subsampling,
        MelBins = LogMel.Bins,
        MaxPositions = 2048,
        VocabSize = PhonemeInventory.EnglishUs.Count,
    };
}
