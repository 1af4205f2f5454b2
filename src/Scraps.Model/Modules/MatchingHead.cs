using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Scraps.Model.Modules;

/// <summary>
/// The matching head (<see cref="MatchingHeadConfig"/>): phone states and frames projected to width m (the frames with
/// sinusoidal positions, scaled by a learnable alpha), then per layer (pre-LayerNorm, residual) self-attention over
/// the phones, cross-attention from the phones to the frames and a feed-forward block; a final LayerNorm and
/// Linear(m, 1) give each phone a logit that the audio supports it.
/// forward(phones [N, T, d], phoneLengths [N], frames [N, S, a], frameLengths [N]) -> logits [N, T].
/// </summary>
public sealed class MatchingHead : nn.Module<Tensor, Tensor, Tensor, Tensor, Tensor>
{
    [ComponentName(Name = "phone_input")]
    public readonly Linear PhoneInput;

    [ComponentName(Name = "frame_input")]
    public readonly Linear FrameInput;

    [ComponentName(Name = "alpha")]
    public readonly Parameter Alpha;

    [ComponentName(Name = "position_table")]
    public readonly Tensor PositionTable;

    [ComponentName(Name = "layers")]
    private readonly ModuleList<MatchingLayer> _layers;

    [ComponentName(Name = "final_norm")]
    public readonly LayerNorm FinalNorm;

    [ComponentName(Name = "output")]
    public readonly Linear Output;

    private readonly double _dropout;

    public MatchingHead(ScrapsModelConfig config)
        : base(Runtime.TorchRuntime.EnsureLoaded(nameof(MatchingHead)))
    {
        var head = config.MatchingHead ?? throw new ArgumentException("The config has no matching head.", nameof(config));
        _dropout = config.Dropout;
        PhoneInput = nn.Linear(config.ModelDim, head.Dim);
        FrameInput = nn.Linear(config.MatchingAcousticDim, head.Dim);
        Alpha = new Parameter(ones([], ScalarType.Float32).DetachFromDisposeScope());
        PositionTable = PositionalEncoding.Table(config.MaxPositions * 2, head.Dim);
        _layers = nn.ModuleList(Enumerable.Range(0, head.Layers).Select(_ => new MatchingLayer(head.Dim, head.Heads, config.Dropout)).ToArray());
        FinalNorm = nn.LayerNorm(head.Dim, TransformerBlock.LayerNormEpsilon);
        Output = nn.Linear(head.Dim, 1);
        RegisterComponents();
    }

    public IReadOnlyList<MatchingLayer> Layers => _layers.ToArray();

    public override Tensor forward(Tensor phones, Tensor phoneLengths, Tensor frames, Tensor frameLengths)
    {
        using var scope = NewDisposeScope();
        var x = PhoneInput.forward(phones);
        var memory = FrameInput.forward(frames).add(Alpha.mul(PositionTable.narrow(0, 0, frames.shape[1])));
        if (_dropout > 0 && training)
        {
            x = nn.functional.dropout(x, _dropout, training: true);
            memory = nn.functional.dropout(memory, _dropout, training: true);
        }
        var phoneMask = PaddingMasks.AdditiveKeyMask(phoneLengths, phones.shape[1], x.dtype);
        var frameMask = PaddingMasks.AdditiveKeyMask(frameLengths, frames.shape[1], x.dtype);
        foreach (var layer in _layers)
        {
            x = layer.forward(x, phoneMask, memory, frameMask);
        }
        return Output.forward(FinalNorm.forward(x)).squeeze(-1).MoveToOuterDisposeScope();
    }
}

/// <summary>One layer of the matching head: self-attention over the phones, cross-attention to the frames, feed-forward.</summary>
public sealed class MatchingLayer : nn.Module<Tensor, Tensor, Tensor, Tensor, Tensor>
{
    [ComponentName(Name = "norm1")]
    public readonly LayerNorm Norm1;

    [ComponentName(Name = "self_attention")]
    public readonly MultiHeadSelfAttention SelfAttention;

    [ComponentName(Name = "norm2")]
    public readonly LayerNorm Norm2;

    [ComponentName(Name = "memory_norm")]
    public readonly LayerNorm MemoryNorm;

    [ComponentName(Name = "cross_attention")]
    public readonly CrossAttention Attention;

    [ComponentName(Name = "norm3")]
    public readonly LayerNorm Norm3;

    [ComponentName(Name = "ffn1")]
    public readonly Linear Ffn1;

    [ComponentName(Name = "ffn2")]
    public readonly Linear Ffn2;

    private readonly double _dropout;

    public MatchingLayer(int dim, int heads, double dropout)
        : base(Runtime.TorchRuntime.EnsureLoaded(nameof(MatchingLayer)))
    {
        _dropout = dropout;
        Norm1 = nn.LayerNorm(dim, TransformerBlock.LayerNormEpsilon);
        SelfAttention = new MultiHeadSelfAttention(dim, heads);
        Norm2 = nn.LayerNorm(dim, TransformerBlock.LayerNormEpsilon);
        MemoryNorm = nn.LayerNorm(dim, TransformerBlock.LayerNormEpsilon);
        Attention = new CrossAttention(dim, heads);
        Norm3 = nn.LayerNorm(dim, TransformerBlock.LayerNormEpsilon);
        Ffn1 = nn.Linear(dim, 2 * dim);
        Ffn2 = nn.Linear(2 * dim, dim);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, Tensor phoneMask, Tensor memory, Tensor frameMask)
    {
        using var scope = NewDisposeScope();
        var h = x.add(Drop(SelfAttention.forward(Norm1.forward(x), phoneMask)));
        h = h.add(Drop(Attention.forward(Norm2.forward(h), MemoryNorm.forward(memory), frameMask)));
        var inner = Drop(nn.functional.relu(Ffn1.forward(Norm3.forward(h))));
        return h.add(Drop(Ffn2.forward(inner))).MoveToOuterDisposeScope();
    }

    private Tensor Drop(Tensor t) => _dropout > 0 && training ? nn.functional.dropout(t, _dropout, training: true) : t;
}
