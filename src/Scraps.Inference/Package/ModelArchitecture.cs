namespace Scraps.Inference.Package;

/// <summary>
/// The network's sizes, as trained (names match the trainer's <c>ScrapsModelConfig</c>, see docs/architecture.md).
/// </summary>
public sealed record ModelArchitecture
{
    /// <summary>Backbone width d (the per-step <c>sequence</c> outputs have this many values a step).</summary>
    public required int ModelDim { get; init; }

    public required int Layers { get; init; }

    public required int Heads { get; init; }

    public required int FfnDim { get; init; }

    /// <summary>Size D of the SCRAPS vectors (the shared LSTM's hidden size).</summary>
    public required int LstmHidden { get; init; }

    /// <summary>Acoustic frame subsampling factor s: 1, 2 or 4.</summary>
    public required int AcousticSubsampling { get; init; }

    public required int MelBins { get; init; }

    /// <summary>Size of the positional table: the longest phoneme sequence, or subsampled frame sequence, the model takes.</summary>
    public required int MaxPositions { get; init; }

    /// <summary>Phoneme vocabulary size including the padding id 0.</summary>
    public required int VocabSize { get; init; }

    /// <summary>Training dropout (informative only; inference never drops).</summary>
    public double Dropout { get; init; }

    /// <summary>Steps after acoustic subsampling for <paramref name="frames"/> input frames: L -> (L - 1) / 2 + 1 per halving.</summary>
    public int SubsampledLength(int frames)
    {
        var length = frames;
        for (var factor = AcousticSubsampling; factor > 1; factor /= 2)
        {
            length = ((length - 1) / 2) + 1;
        }

        return length;
    }

    /// <summary>The longest number of input frames whose subsampled length still fits the positional table.</summary>
    public int MaxAcousticFrames => MaxPositions * AcousticSubsampling;
}
