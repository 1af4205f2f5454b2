using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Scraps.Model.Modules;

/// <summary>
/// Phonetic encoder: x = Embedding(ids) * sqrt(d) + alpha * PE[0:T]; dropout; N transformer blocks; LayerNorm.
/// forward(ids int64 [B, T] (0 = padding), lengths int64 [B]) -> sequence [B, T, d].
/// </summary>
public sealed class PhoneticEncoder : nn.Module<Tensor, Tensor, Tensor>
{
    [ComponentName(Name = "embedding")]
    public readonly Embedding Embedding;

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

    private readonly IReadOnlyList<TransformerBlock> _blockList;
    private readonly ScrapsModelConfig _config;

    /// <summary><see cref="EmbeddingScale"/> as a field: no temporary Scalar per call (see PaddingMasks).</summary>
    private readonly Scalar _embeddingScale;

    /// <param name="config">Validated by <see cref="ScrapsNet"/>, the one place an architecture enters the model.</param>
    internal PhoneticEncoder(ScrapsModelConfig config)
        : base(Runtime.TorchRuntime.EnsureLoaded(nameof(PhoneticEncoder)))
    {
        _config = config;
        _embeddingScale = Math.Sqrt(config.ModelDim).ToScalar();
        Embedding = nn.Embedding(config.VocabSize, config.ModelDim, padding_idx: 0);
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

    public IReadOnlyList<TransformerBlock> Blocks => _blockList;

    /// <summary>
    /// Whether forward reads the lengths and ids back to check their values (two host syncs each); the training loop
    /// turns it off, its collator building only values it has checked once up front. Shapes are always checked.
    /// </summary>
    public bool CheckValues { get; set; } = true;

    /// <summary>Embedding scale sqrt(d).</summary>
    public double EmbeddingScale => Math.Sqrt(_config.ModelDim);

    public override Tensor forward(Tensor ids, Tensor lengths)
    {
        if (ids.dtype != ScalarType.Int64 || ids.dim() != 2)
        {
            throw new ArgumentException($"Phoneme ids must be int64 [batch, length], got {PaddingMasks.Shape(ids)}.", nameof(ids));
        }
        long batch = ids.shape[0], steps = ids.shape[1];
        if (steps > _config.MaxPositions)
        {
            throw new ArgumentException($"Phoneme sequences of {steps} exceed maxPositions {_config.MaxPositions}.", nameof(ids));
        }
        PaddingMasks.CheckLengths(lengths, batch, steps, "Phoneme", CheckValues);

        using var scope = NewDisposeScope();
        if (CheckValues)
        {
            CheckIds(ids);
        }

        var mask = PaddingMasks.AdditiveKeyMask(lengths, steps, PositionTable.dtype);
        var x = Embedding.forward(ids).mul(_embeddingScale).add(Alpha.mul(PositionTable.narrow(0, 0, steps)));
        if (_config.Dropout > 0 && training)
        {
            x = nn.functional.dropout(x, _config.Dropout, training: true);
        }
        foreach (var block in _blockList)
        {
            x = block.forward(x, mask);
        }
        return FinalNorm.forward(x).MoveToOuterDisposeScope();
    }

    private void CheckIds(Tensor ids)
    {
        long min = ids.min().item<long>();
        long max = ids.max().item<long>();
        if (min < 0 || max >= _config.VocabSize)
        {
            throw new ArgumentException($"Phoneme ids must lie in [0, {_config.VocabSize}) (vocabSize), got values from {min} to {max}.", nameof(ids));
        }
    }
}
