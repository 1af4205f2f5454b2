using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Scraps.Model.Modules;

/// <summary>
/// Self-attention with separate q, k, v and output projections (bias on all), heads of size d/h:
/// softmax(Q K^T / sqrt(d/h) + mask) V. forward(x [B, T, d], additiveMask [B, 1, 1, T]) -> [B, T, d].
/// </summary>
public sealed class MultiHeadSelfAttention : nn.Module<Tensor, Tensor, Tensor>
{
    [ComponentName(Name = "query")]
    public readonly Linear Query;

    [ComponentName(Name = "key")]
    public readonly Linear Key;

    [ComponentName(Name = "value")]
    public readonly Linear Value;

    [ComponentName(Name = "output")]
    public readonly Linear Output;

    public readonly int Heads;

    public readonly int ModelDim;

    /// <summary>sqrt(d/h), kept as a field: no temporary Scalar per call (see PaddingMasks).</summary>
    private readonly Scalar _scoreDivisor;

    public MultiHeadSelfAttention(int modelDim, int heads)
        : base(Runtime.TorchRuntime.EnsureLoaded(nameof(MultiHeadSelfAttention)))
    {
        if (heads < 1 || modelDim % heads != 0)
        {
            throw new ArgumentException($"modelDim {modelDim} must be divisible by heads {heads}.", nameof(heads));
        }
        ModelDim = modelDim;
        Heads = heads;
        _scoreDivisor = Math.Sqrt(modelDim / heads).ToScalar();
        Query = nn.Linear(modelDim, modelDim);
        Key = nn.Linear(modelDim, modelDim);
        Value = nn.Linear(modelDim, modelDim);
        Output = nn.Linear(modelDim, modelDim);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, Tensor additiveMask)
    {
        using var scope = NewDisposeScope();
        long batch = x.shape[0], steps = x.shape[1];
        long headDim = ModelDim / Heads;
        var q = SplitHeads(Query.forward(x), batch, steps, headDim);
        var k = SplitHeads(Key.forward(x), batch, steps, headDim);
        var v = SplitHeads(Value.forward(x), batch, steps, headDim);
        var scores = q.matmul(k.transpose(-2, -1)).div(_scoreDivisor).add(additiveMask);
        var context = nn.functional.softmax(scores, -1).matmul(v);
        var merged = context.transpose(1, 2).reshape(batch, steps, ModelDim);
        return Output.forward(merged).MoveToOuterDisposeScope();
    }

    private Tensor SplitHeads(Tensor t, long batch, long steps, long headDim) =>
        t.view(batch, steps, Heads, headDim).transpose(1, 2);
}
