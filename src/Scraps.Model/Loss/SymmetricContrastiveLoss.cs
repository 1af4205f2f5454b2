using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Scraps.Model;

/// <summary>
/// CLIP-style symmetric cross-entropy over the score matrix L = T A^T (row i of T and A belong to pair i):
/// (CE(L / t, diag) + CE(L^T / t, diag)) / 2 with temperature t = 1.0. With <c>learnableTemperature</c> the
/// logits are scaled by exp(LogitScale), a parameter initialised to 0 (t = 1) that the optimizer must include.
/// </summary>
public sealed class SymmetricContrastiveLoss : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>log(1 / temperature); null unless the temperature is learnable.</summary>
    [ComponentName(Name = "logit_scale")]
    public readonly Parameter? LogitScale;

    /// <summary>Kept in a field: no temporary Scalar per call (see PaddingMasks).</summary>
    private static readonly Scalar Two = 2.ToScalar();

    public SymmetricContrastiveLoss(bool learnableTemperature = false)
        : base(Runtime.TorchRuntime.EnsureLoaded(nameof(SymmetricContrastiveLoss)))
    {
        if (learnableTemperature)
        {
            LogitScale = new Parameter(zeros([], ScalarType.Float32).DetachFromDisposeScope());
        }
        RegisterComponents();
    }

    public bool LearnableTemperature => LogitScale is not null;

    /// <summary>The current temperature (1.0 unless learnable and trained).</summary>
    public double Temperature
    {
        get
        {
            if (LogitScale is null)
            {
                return 1.0;
            }
            using var noGrad = no_grad();
            return Math.Exp(-LogitScale.item<float>());
        }
    }

    /// <summary>Score matrix L = T A^T [B, B]: rows are phonetic vectors, columns acoustic ones.</summary>
    public static Tensor Scores(Tensor phonetic, Tensor acoustic) => phonetic.matmul(acoustic.t());

    /// <summary>Scalar loss of a batch of B aligned pairs: phonetic [B, D], acoustic [B, D].</summary>
    public Tensor Compute(Tensor phonetic, Tensor acoustic) => forward(phonetic, acoustic);

    public override Tensor forward(Tensor phonetic, Tensor acoustic)
    {
        if (phonetic.dim() != 2 || acoustic.dim() != 2 || phonetic.shape[0] != acoustic.shape[0] || phonetic.shape[1] != acoustic.shape[1])
        {
            throw new ArgumentException(
                $"Contrastive loss needs phonetic and acoustic vectors of the same shape [B, D], got {PaddingMasks.Shape(phonetic)} and {PaddingMasks.Shape(acoustic)}.",
                nameof(acoustic));
        }
        if (phonetic.shape[0] == 0)
        {
            throw new ArgumentException("Contrastive loss needs at least one pair.", nameof(phonetic));
        }

        using var scope = NewDisposeScope();
        var logits = Scores(phonetic, acoustic);
        if (LogitScale is not null)
        {
            logits = logits.mul(LogitScale.exp());
        }
        var targets = arange(phonetic.shape[0], dtype: ScalarType.Int64, device: phonetic.device);
        var rows = nn.functional.cross_entropy(logits, targets);
        var columns = nn.functional.cross_entropy(logits.t(), targets);
        return rows.add(columns).div(Two).MoveToOuterDisposeScope();
    }
}
