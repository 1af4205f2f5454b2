namespace Scraps.Onnx.Graphs;

/// <summary>
/// The sizes of a Scraps network (docs/architecture.md), as the graph writer needs them. Mirrors the trainer's
/// <c>ScrapsModelConfig</c> without depending on it.
/// </summary>
public sealed record ScrapsGraphDims
{
    /// <summary>Backbone width d.</summary>
    public required int ModelDim { get; init; }

    /// <summary>Transformer blocks N in each encoder.</summary>
    public required int Layers { get; init; }

    /// <summary>Attention heads h (must divide <see cref="ModelDim"/>).</summary>
    public required int Heads { get; init; }

    public required int FfnDim { get; init; }

    /// <summary>SCRAPS vector size D (the shared LSTM's hidden size).</summary>
    public required int LstmHidden { get; init; }

    /// <summary>Acoustic subsampling s: 1, 2 or 4 (log2(s) stride-2 convolutions).</summary>
    public required int AcousticSubsampling { get; init; }

    public required int MelBins { get; init; }

    /// <summary>Rows of the positional tables.</summary>
    public required int MaxPositions { get; init; }

    /// <summary>Phoneme vocabulary including padding id 0.</summary>
    public required int VocabSize { get; init; }

    /// <summary>Number of stride-2 convolutions: log2(<see cref="AcousticSubsampling"/>).</summary>
    public int SubsamplingConvs => AcousticSubsampling switch
    {
        1 => 0,
        2 => 1,
        4 => 2,
        _ => throw new ArgumentException($"Acoustic subsampling must be 1, 2 or 4, not {AcousticSubsampling}."),
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first size that is out of range.</summary>
    public void Validate()
    {
        Positive(ModelDim, nameof(ModelDim));
        Positive(Layers, nameof(Layers), allowZero: true);
        Positive(Heads, nameof(Heads));
        Positive(FfnDim, nameof(FfnDim));
        Positive(LstmHidden, nameof(LstmHidden));
        Positive(MelBins, nameof(MelBins));
        Positive(MaxPositions, nameof(MaxPositions));
        Positive(VocabSize, nameof(VocabSize));
        if (ModelDim % Heads != 0)
        {
            throw new ArgumentException($"ModelDim {ModelDim} is not a multiple of Heads {Heads}.");
        }

        _ = SubsamplingConvs;
    }

    private static void Positive(int value, string name, bool allowZero = false)
    {
        if (value < (allowZero ? 0 : 1))
        {
            throw new ArgumentException($"{name} must be {(allowZero ? ">= 0" : "> 0")}, not {value}.");
        }
    }
}
