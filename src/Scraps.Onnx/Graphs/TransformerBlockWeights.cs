namespace Scraps.Onnx.Graphs;

/// <summary>Multi-head self-attention: separate q, k, v and output projections, each Linear(d, d).</summary>
public sealed record AttentionWeights(LinearWeights Query, LinearWeights Key, LinearWeights Value, LinearWeights Output)
{
    internal void Validate(string name, int modelDim)
    {
        Query.Validate($"{name}.query", modelDim, modelDim);
        Key.Validate($"{name}.key", modelDim, modelDim);
        Value.Validate($"{name}.value", modelDim, modelDim);
        Output.Validate($"{name}.output", modelDim, modelDim);
    }
}

/// <summary>One pre-LayerNorm transformer block: LN1, attention, LN2, Linear(d, ffn), Linear(ffn, d).</summary>
public sealed record TransformerBlockWeights(
    LayerNormWeights Norm1,
    AttentionWeights Attention,
    LayerNormWeights Norm2,
    LinearWeights Ffn1,
    LinearWeights Ffn2)
{
    internal void Validate(string name, ScrapsModelConfig dims)
    {
        Norm1.Validate($"{name}.norm1", dims.ModelDim);
        Attention.Validate($"{name}.attention", dims.ModelDim);
        Norm2.Validate($"{name}.norm2", dims.ModelDim);
        Ffn1.Validate($"{name}.ffn1", dims.ModelDim, dims.FfnDim);
        Ffn2.Validate($"{name}.ffn2", dims.FfnDim, dims.ModelDim);
    }
}
