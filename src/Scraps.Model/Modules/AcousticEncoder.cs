using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Scraps.Model.Modules;

/// <summary>
/// Acoustic encoder (docs/architecture.md): zero padded frames; ReLU(Linear(melBins, d)); log2(s) times
/// [zero padded steps; ReLU(Conv1d(d, d, 3, stride 2, padding 1)); L -> (L - 1) / 2 + 1; zero padded steps];
/// x + alpha * PE[0:T']; dropout; N transformer blocks; LayerNorm.
/// forward(features float [B, T, melBins], lengths int64 [B]) -> (sequence [B, T', d], lengths' int64 [B]).
/// </summary>
public sealed class AcousticEncoder : nn.Module<Tensor, Tensor, (Tensor Sequence, Tensor Lengths)>
{
    [ComponentName(Name = "prenet")]
    public readonly Linear Prenet;

    [ComponentName(Name = "subsampling")]
    private readonly ModuleList<Conv1d> _subsampling;

    /// <summary>Learnable scale of the position table (scalar, init 1).</summary>
    [ComponentName(Name = "alpha")]
    public readonly Parameter Alpha;

    [ComponentName(Name = "blocks")]
    private readonly ModuleList<TransformerBlock> _blocks;

    [ComponentName(Name = "final_norm")]
    public readonly LayerNorm FinalNorm;

    /// <summary>[maxPositions, d] sinusoidal table (a buffer).</summary>
    [ComponentName(Name = "position_table")]
    public readonly Tensor PositionTable;

    private readonly IReadOnlyList<Conv1d> _subsamplingList;
    private readonly IReadOnlyList<TransformerBlock> _blockList;
    private readonly ScrapsModelConfig _config;

    // Integer scalars for the int64 length arithmetic, kept in fields: no temporary Scalar per call (see PaddingMasks).
    private static readonly Scalar One = 1L.ToScalar();
    private static readonly Scalar Two = 2L.ToScalar();

    /// <param name="config">Validated by <see cref="ScrapsNet"/>, the one place an architecture enters the model.</param>
    internal AcousticEncoder(ScrapsModelConfig config)
        : base(Runtime.TorchRuntime.EnsureLoaded(nameof(AcousticEncoder)))
    {
        _config = config;
        Prenet = nn.Linear(config.MelBins, config.ModelDim);
        var convs = Enumerable.Range(0, config.SubsamplingConvolutions)
            .Select(_ => nn.Conv1d(config.ModelDim, config.ModelDim, kernel_size: 3, stride: 2, padding: 1))
            .ToArray();
        _subsampling = nn.ModuleList(convs);
        _subsamplingList = Array.AsReadOnly(convs);
        Alpha = new Parameter(ones([], ScalarType.Float32).DetachFromDisposeScope());
        var list = Enumerable.Range(0, config.Layers)
            .Select(_ => new TransformerBlock(config.ModelDim, config.Heads, config.FfnDim, config.Dropout))
            .ToArray();
        _blocks = nn.ModuleList(list);
        _blockList = Array.AsReadOnly(list);
        FinalNorm = nn.LayerNorm(config.ModelDim, TransformerBlock.LayerNormEpsilon);
        PositionTable = PositionalEncoding.Table(config.MaxPositions, config.ModelDim);
        RegisterComponents();
    }

    /// <summary>The stride-2 convolutions, log2(acousticSubsampling) of them (none for s = 1).</summary>
    public IReadOnlyList<Conv1d> Subsampling => _subsamplingList;

    public IReadOnlyList<TransformerBlock> Blocks => _blockList;

    /// <summary>Whether forward reads the lengths back to check their values (see <see cref="PhoneticEncoder.CheckValues"/>).</summary>
    public bool CheckValues { get; set; } = true;

    public override (Tensor Sequence, Tensor Lengths) forward(Tensor features, Tensor lengths)
    {
        var stages = ForwardStages(features, lengths, keepStage2: false);
        return (stages.Sequence, stages.Lengths);
    }

    /// <summary>
    /// The encoder's output and, with <paramref name="keepStage2"/>, the output of its first stride-2 convolution
    /// (25 ms steps, zero-padded, before positions are added), which the phone branch reads.
    /// </summary>
    public AcousticStages ForwardStages(Tensor features, Tensor lengths, bool keepStage2 = true)
    {
        if (features.dtype != PositionTable.dtype || features.dim() != 3 || features.shape[2] != _config.MelBins)
        {
            throw new ArgumentException(
                $"Acoustic features must be {PositionTable.dtype} [batch, frames, {_config.MelBins}], got {PaddingMasks.Shape(features)}.", nameof(features));
        }
        long batch = features.shape[0], frames = features.shape[1];
        PaddingMasks.CheckLengths(lengths, batch, frames, "Feature", CheckValues);
        long steps = _config.SubsampledLength(frames);
        if (steps > _config.MaxPositions)
        {
            throw new ArgumentException(
                $"{frames} frames give {steps} steps after subsampling by {_config.AcousticSubsampling}, more than maxPositions {_config.MaxPositions}.",
                nameof(features));
        }

        using var scope = NewDisposeScope();
        var x = nn.functional.relu(Prenet.forward(PaddingMasks.ZeroPadded(features, lengths)));
        var current = lengths;
        Tensor? stage2 = null, stage2Lengths = null;
        foreach (var conv in _subsamplingList)
        {
            x = PaddingMasks.ZeroPadded(x, current);
            x = nn.functional.relu(conv.forward(x.transpose(1, 2))).transpose(1, 2);
            current = current.sub(One).div(Two, rounding_mode: RoundingMode.floor).add(One);
            x = PaddingMasks.ZeroPadded(x, current);
            if (keepStage2 && stage2 is null)
            {
                stage2 = x;
                stage2Lengths = current;
            }
        }

        x = x.add(Alpha.mul(PositionTable.narrow(0, 0, x.shape[1])));
        if (_config.Dropout > 0 && training)
        {
            x = nn.functional.dropout(x, _config.Dropout, training: true);
        }
        var mask = PaddingMasks.AdditiveKeyMask(current, x.shape[1], x.dtype);
        foreach (var block in _blockList)
        {
            x = block.forward(x, mask);
        }
        var sequence = FinalNorm.forward(x).MoveToOuterDisposeScope();
        // For s = 1 the lengths pass through: hand back a copy, never the caller's own tensor.
        var outLengths = (ReferenceEquals(current, lengths) ? lengths.clone() : current).MoveToOuterDisposeScope();
        return new AcousticStages(sequence, outLengths, stage2?.MoveToOuterDisposeScope(), stage2Lengths?.MoveToOuterDisposeScope());
    }
}

/// <summary>The acoustic encoder's outputs: the sequence and its lengths, and (when kept) the first stride-2 stage and its lengths.</summary>
public sealed record AcousticStages(Tensor Sequence, Tensor Lengths, Tensor? Stage2, Tensor? Stage2Lengths);
