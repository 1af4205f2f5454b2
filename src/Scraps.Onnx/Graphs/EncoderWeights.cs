namespace Scraps.Onnx.Graphs;

/// <summary>
/// The phonetic encoder: token embedding [vocab, d], positional scale alpha_p, positional table
/// [maxPositions, d], N blocks, final LayerNorm.
/// </summary>
public sealed record PhoneticEncoderWeights(
    float[] Embedding,
    float Alpha,
    float[] PositionTable,
    IReadOnlyList<TransformerBlockWeights> Blocks,
    LayerNormWeights FinalNorm)
{
    internal void Validate(ScrapsModelConfig dims)
    {
        WeightCheck.Length(Embedding, (long)dims.VocabSize * dims.ModelDim, "phonetic.embedding", $"[{dims.VocabSize}, {dims.ModelDim}]");
        WeightCheck.Finite(Alpha, "phonetic.alpha");
        WeightCheck.Length(PositionTable, (long)dims.MaxPositions * dims.ModelDim, "phonetic.position_table", $"[{dims.MaxPositions}, {dims.ModelDim}]");
        WeightCheck.Count(Blocks, dims.Layers, "phonetic.blocks");
        for (var i = 0; i < Blocks.Count; i++)
        {
            Blocks[i].Validate($"phonetic.blocks.{i}", dims);
        }

        FinalNorm.Validate("phonetic.final_norm", dims.ModelDim);
    }
}

/// <summary>
/// The acoustic encoder: prenet Linear(melBins, d), log2(s) Conv1d(d, d, 3), positional scale alpha_a,
/// positional table [maxPositions, d], N blocks, final LayerNorm.
/// </summary>
public sealed record AcousticEncoderWeights(
    LinearWeights Prenet,
    IReadOnlyList<Conv1dWeights> Subsampling,
    float Alpha,
    float[] PositionTable,
    IReadOnlyList<TransformerBlockWeights> Blocks,
    LayerNormWeights FinalNorm)
{
    /// <summary>Kernel size of every subsampling convolution.</summary>
    public const int ConvKernel = 3;

    internal void Validate(ScrapsModelConfig dims)
    {
        Prenet.Validate("acoustic.prenet", dims.MelBins, dims.ModelDim);
        WeightCheck.Count(Subsampling, dims.SubsamplingConvolutions, "acoustic.subsampling");
        for (var i = 0; i < Subsampling.Count; i++)
        {
            Subsampling[i].Validate($"acoustic.subsampling.{i}", dims.ModelDim, dims.ModelDim, ConvKernel);
        }

        WeightCheck.Finite(Alpha, "acoustic.alpha");
        WeightCheck.Length(PositionTable, (long)dims.MaxPositions * dims.ModelDim, "acoustic.position_table", $"[{dims.MaxPositions}, {dims.ModelDim}]");
        WeightCheck.Count(Blocks, dims.Layers, "acoustic.blocks");
        for (var i = 0; i < Blocks.Count; i++)
        {
            Blocks[i].Validate($"acoustic.blocks.{i}", dims);
        }

        FinalNorm.Validate("acoustic.final_norm", dims.ModelDim);
    }
}

/// <summary>
/// The shared integrator LSTM in PyTorch layout and gate order (i, f, g, o): weight_ih [4D, d],
/// weight_hh [4D, D], bias_ih [4D], bias_hh [4D]. The graph writer reorders to ONNX's (i, o, f, c).
/// </summary>
public sealed record LstmWeights(float[] WeightIh, float[] WeightHh, float[] BiasIh, float[] BiasHh)
{
    internal void Validate(ScrapsModelConfig dims) => Validate("integrator", dims.ModelDim, dims.LstmHidden);

    internal void Validate(string name, int inputs, int hidden)
    {
        var gates = 4L * hidden;
        WeightCheck.Length(WeightIh, gates * inputs, $"{name}.weight_ih_l0", $"[{gates}, {inputs}]");
        WeightCheck.Length(WeightHh, gates * hidden, $"{name}.weight_hh_l0", $"[{gates}, {hidden}]");
        WeightCheck.Length(BiasIh, gates, $"{name}.bias_ih_l0", $"[{gates}]");
        WeightCheck.Length(BiasHh, gates, $"{name}.bias_hh_l0", $"[{gates}]");
    }
}
