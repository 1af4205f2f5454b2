namespace Scraps.Model.Tests.Training;

/// <summary>Model configs small enough for loop tests to run in seconds on CPU.</summary>
internal static class TrainingTestConfigs
{
    public static ScrapsModelConfig Tiny(int vocab, double dropout = 0.1) => new()
    {
        Name = "tiny",
        ModelDim = 32,
        Layers = 1,
        Heads = 2,
        FfnDim = 64,
        Dropout = dropout,
        LstmHidden = 32,
        AcousticSubsampling = 2,
        MelBins = 80,
        MaxPositions = 512,
        VocabSize = vocab,
    };
}
