using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Scraps.Model.Modules;

/// <summary>
/// The phone branch (<see cref="PhoneBranchConfig"/>): layers over the acoustic encoder's stride-2 stage (25 ms steps)
/// that feed the CTC head, so that a phone shorter than the transformer's 50 ms steps still has steps of its own.
/// forward(x [B, T2, d] zero-padded, lengths [B]) -> [B, T2, dim] (padded steps are not zeroed: read the first lengths).
/// </summary>
public sealed class PhoneBranch : nn.Module<Tensor, Tensor, Tensor>
{
    [ComponentName(Name = "input")]
    public readonly Linear? Input;

    [ComponentName(Name = "convs")]
    private readonly ModuleList<Conv1d>? _convs;

    [ComponentName(Name = "norms")]
    private readonly ModuleList<LayerNorm>? _norms;

    [ComponentName(Name = "forward_lstms")]
    private readonly ModuleList<LSTM>? _forwardLstms;

    [ComponentName(Name = "backward_lstms")]
    private readonly ModuleList<LSTM>? _backwardLstms;

    [ComponentName(Name = "final_norm")]
    public readonly LayerNorm FinalNorm;

    private readonly PhoneBranchConfig _config;
    private readonly double _dropout;

    private static readonly Scalar One = 1L.ToScalar();

    public PhoneBranch(int inputDim, PhoneBranchConfig config, double dropout)
        : base(Runtime.TorchRuntime.EnsureLoaded(nameof(PhoneBranch)))
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        _dropout = dropout;
        if (config.Kind == PhoneBranchConfig.Conv)
        {
            if (inputDim != config.Dim)
            {
                Input = nn.Linear(inputDim, config.Dim);
            }

            _convs = nn.ModuleList(Enumerable.Range(0, config.Layers)
                .Select(_ => nn.Conv1d(config.Dim, config.Dim, kernel_size: config.Kernel, padding: config.Kernel / 2)).ToArray());
            _norms = nn.ModuleList(Enumerable.Range(0, config.Layers).Select(_ => nn.LayerNorm(config.Dim, TransformerBlock.LayerNormEpsilon)).ToArray());
        }
        else
        {
            var half = config.Dim / 2;
            _forwardLstms = nn.ModuleList(Enumerable.Range(0, config.Layers).Select(i => nn.LSTM(i == 0 ? inputDim : config.Dim, half, batchFirst: true)).ToArray());
            _backwardLstms = nn.ModuleList(Enumerable.Range(0, config.Layers).Select(i => nn.LSTM(i == 0 ? inputDim : config.Dim, half, batchFirst: true)).ToArray());
        }
        FinalNorm = nn.LayerNorm(config.Dim, TransformerBlock.LayerNormEpsilon);
        RegisterComponents();
    }

    public PhoneBranchConfig Config => _config;

    /// <summary>The residual blocks' convolutions and LayerNorms (conv kind), in order.</summary>
    public IReadOnlyList<(Conv1d Conv, LayerNorm Norm)> ConvBlocks =>
        _convs is null ? [] : _convs.Zip(_norms!, (c, n) => (c, n)).ToArray();

    /// <summary>Forward and backward LSTMs of each layer (bilstm kind), in order.</summary>
    public IReadOnlyList<(LSTM Forward, LSTM Backward)> LstmLayers =>
        _forwardLstms is null ? [] : _forwardLstms.Zip(_backwardLstms!, (f, b) => (f, b)).ToArray();

    public override Tensor forward(Tensor x, Tensor lengths)
    {
        using var scope = NewDisposeScope();
        if (_convs is not null)
        {
            if (Input is not null)
            {
                x = Input.forward(x);
            }

            for (var i = 0; i < _convs.Count; i++)
            {
                var h = PaddingMasks.ZeroPadded(_norms![i].forward(x), lengths);
                h = nn.functional.relu(_convs[i].forward(h.transpose(1, 2))).transpose(1, 2);
                x = x.add(Drop(h));
            }
        }
        else
        {
            for (var i = 0; i < _forwardLstms!.Count; i++)
            {
                var (ahead, _, _) = _forwardLstms[i].forward(x);
                var (behind, _, _) = _backwardLstms![i].forward(x.gather(1, ReverseIndex(lengths, x.shape[1], x.shape[2])));
                behind = behind.gather(1, ReverseIndex(lengths, behind.shape[1], behind.shape[2]));
                x = Drop(cat([ahead, behind], 2));
            }
        }
        return FinalNorm.forward(x).MoveToOuterDisposeScope();
    }

    /// <summary>[B, T, C] int64 gather index that reverses each row's first lengths[b] steps and keeps the padded ones.</summary>
    internal static Tensor ReverseIndex(Tensor lengths, long steps, long width)
    {
        using var scope = NewDisposeScope();
        var t = arange(steps, dtype: ScalarType.Int64, device: lengths.device).unsqueeze(0);
        var l = lengths.unsqueeze(1);
        var reversed = where(t.lt(l), l.sub(One).sub(t), t);
        return reversed.unsqueeze(-1).expand(lengths.shape[0], steps, width).MoveToOuterDisposeScope();
    }

    private Tensor Drop(Tensor t) => _dropout > 0 && training ? nn.functional.dropout(t, _dropout, training: true) : t;
}
