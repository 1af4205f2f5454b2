namespace Scraps.Onnx.Graphs;

/// <summary>
/// The matching head (<see cref="MatchingHeadConfig"/>) as plain arrays in PyTorch layouts: the two input projections,
/// the frames' positional scale and table, the layers, the final LayerNorm and the output Linear(m, 1).
/// </summary>
public sealed record MatchingHeadWeights(
    LinearWeights PhoneInput,
    LinearWeights FrameInput,
    float Alpha,
    float[] PositionTable,
    IReadOnlyList<MatchingLayerWeights> Layers,
    LayerNormWeights FinalNorm,
    LinearWeights Output)
{
    /// <summary>Rows of the frames' positional table: twice the model's (a 25 ms branch has twice the steps).</summary>
    public static int PositionRows(ScrapsModelConfig dims) => dims.MaxPositions * 2;

    internal void Validate(ScrapsModelConfig dims)
    {
        var head = dims.MatchingHead ?? throw new ArgumentException("The weights have a matching head ('matching_head') but the config has none.");
        var m = head.Dim;
        PhoneInput.Validate("matching_head.phone_input", dims.ModelDim, m);
        FrameInput.Validate("matching_head.frame_input", dims.MatchingAcousticDim, m);
        WeightCheck.Finite(Alpha, "matching_head.alpha");
        WeightCheck.Length(PositionTable, (long)PositionRows(dims) * m, "matching_head.position_table", $"[{PositionRows(dims)}, {m}]");
        WeightCheck.Count(Layers, head.Layers, "matching_head.layers");
        for (var i = 0; i < Layers.Count; i++)
        {
            Layers[i].Validate($"matching_head.layers.{i}", m);
        }

        FinalNorm.Validate("matching_head.final_norm", m);
        Output.Validate("matching_head.output", m, 1);
    }
}

/// <summary>One matching layer: self-attention over the phones, cross-attention to the frames, feed-forward (2m).</summary>
public sealed record MatchingLayerWeights(
    LayerNormWeights Norm1,
    AttentionWeights SelfAttention,
    LayerNormWeights Norm2,
    LayerNormWeights MemoryNorm,
    AttentionWeights CrossAttention,
    LayerNormWeights Norm3,
    LinearWeights Ffn1,
    LinearWeights Ffn2)
{
    internal void Validate(string name, int m)
    {
        Norm1.Validate($"{name}.norm1", m);
        SelfAttention.Validate($"{name}.self_attention", m);
        Norm2.Validate($"{name}.norm2", m);
        MemoryNorm.Validate($"{name}.memory_norm", m);
        CrossAttention.Validate($"{name}.cross_attention", m);
        Norm3.Validate($"{name}.norm3", m);
        Ffn1.Validate($"{name}.ffn1", m, 2 * m);
        Ffn2.Validate($"{name}.ffn2", 2 * m, m);
    }
}
