using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Scraps.Model.Modules;

/// <summary>
/// Attention of queries over another sequence (q from one, k and v from the other; bias on all projections; heads of
/// size d/h): softmax(Q K^T / sqrt(d/h) + mask) V. forward(queries [B, T, d], memory [B, S, d], additiveMask [B, 1, 1, S]).
/// </summary>
public sealed class CrossAttention : nn.Module<Tensor, Tensor, Tensor, Tensor>
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

    private readonly Scalar _scoreDivisor;

    public CrossAttention(int modelDim, int heads)
        : base(Runtime.TorchRuntime.EnsureLoaded(nameof(CrossAttention)))
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

    public override Tensor forward(Tensor queries, Tensor memory, Tensor additiveMask)
    {
        using var scope = NewDisposeScope();
        long batch = queries.shape[0], steps = queries.shape[1], memorySteps = memory.shape[1];
        long headDim = ModelDim / Heads;
        var q = Query.forward(queries).view(batch, steps, Heads, headDim).transpose(1, 2);
        var k = Key.forward(memory).view(batch, memorySteps, Heads, headDim).transpose(1, 2);
        var v = Value.forward(memory).view(batch, memorySteps, Heads, headDim).transpose(1, 2);
        var scores = q.matmul(k.transpose(-2, -1)).div(_scoreDivisor).add(additiveMask);
        var context = nn.functional.softmax(scores, -1).matmul(v);
        return Output.forward(context.transpose(1, 2).reshape(batch, steps, ModelDim)).MoveToOuterDisposeScope();
    }
}
