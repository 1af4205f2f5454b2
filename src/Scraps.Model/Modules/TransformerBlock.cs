using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Scraps.Model.Modules;

/// <summary>
/// Pre-LayerNorm transformer block (eps 1e-5): h = x + Dropout(MHA(LN1(x), M)),
/// y = h + Dropout(Linear2(Dropout(ReLU(Linear1(LN2(h)))))). forward(x [B, T, d], mask [B, 1, 1, T]).
/// </summary>
public sealed class TransformerBlock : nn.Module<Tensor, Tensor, Tensor>
{
    public const double LayerNormEpsilon = 1e-5;

    [ComponentName(Name = "norm1")]
    public readonly LayerNorm Norm1;

    [ComponentName(Name = "attention")]
    public readonly MultiHeadSelfAttention Attention;

    [ComponentName(Name = "norm2")]
    public readonly LayerNorm Norm2;

    [ComponentName(Name = "ffn1")]
    public readonly Linear Ffn1;

    [ComponentName(Name = "ffn2")]
    public readonly Linear Ffn2;

    public readonly double Dropout;

    public TransformerBlock(int modelDim, int heads, int ffnDim, double dropout)
        : base(Runtime.TorchRuntime.EnsureLoaded(nameof(TransformerBlock)))
    {
        Dropout = dropout;
        Norm1 = nn.LayerNorm(modelDim, LayerNormEpsilon);
        Attention = new MultiHeadSelfAttention(modelDim, heads);
        Norm2 = nn.LayerNorm(modelDim, LayerNormEpsilon);
        Ffn1 = nn.Linear(modelDim, ffnDim);
        Ffn2 = nn.Linear(ffnDim, modelDim);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, Tensor additiveMask)
    {
        using var scope = NewDisposeScope();
        var h = x.add(Drop(Attention.forward(Norm1.forward(x), additiveMask)));
        var inner = Drop(nn.functional.relu(Ffn1.forward(Norm2.forward(h))));
        return h.add(Drop(Ffn2.forward(inner))).MoveToOuterDisposeScope();
    }

    private Tensor Drop(Tensor t) => Dropout > 0 && training ? nn.functional.dropout(t, Dropout, training: true) : t;
}
