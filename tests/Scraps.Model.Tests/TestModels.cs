using Scraps.Model.Modules;
using static TorchSharp.torch;

namespace Scraps.Model.Tests;

/// <summary>Tiny configs and deterministic inputs for fast model tests.</summary>
internal static class TestModels
{
    public static ScrapsModelConfig Tiny(int subsampling = 1, double dropout = 0) => new()
    {
        Name = "tiny",
        ModelDim = 16,
        Layers = 2,
        Heads = 4,
        FfnDim = 32,
        Dropout = dropout,
        LstmHidden = 24,
        AcousticSubsampling = subsampling,
        MelBins = 80,
        MaxPositions = 64,
        VocabSize = 12,
    };

    public static ScrapsNet Net(int subsampling = 1, double dropout = 0, int seed = 7)
    {
        TorchTestEnvironment.EnsureCpu();
        manual_seed(seed);
        return new ScrapsNet(Tiny(subsampling, dropout));
    }

    /// <summary>Random ids in [1, vocab) with 0 padding after each length: int64 [B, max(lengths)].</summary>
    public static Tensor PhonemeBatch(long[] lengths, int vocab, int seed)
    {
        var random = new Random(seed);
        long steps = lengths.Max();
        var ids = new long[lengths.Length * steps];
        for (int b = 0; b < lengths.Length; b++)
        {
            for (int t = 0; t < lengths[b]; t++)
            {
                ids[(b * steps) + t] = random.Next(1, vocab);
            }
        }
        return tensor(ids, [lengths.Length, steps]);
    }

    /// <summary>Random features [B, max(lengths) + extra, 80]; padded frames hold large garbage, not zeros.</summary>
    public static Tensor FeatureBatch(long[] lengths, int seed, int extraPadding = 3)
    {
        var generator = new TorchSharp.torch.Generator((ulong)seed);
        long frames = lengths.Max() + extraPadding;
        var features = randn([lengths.Length, frames, 80], generator: generator);
        for (int b = 0; b < lengths.Length; b++)
        {
            features[b, TensorIndex.Slice(lengths[b])] = full([frames - lengths[b], 80], 1000f);
        }
        return features;
    }
}
