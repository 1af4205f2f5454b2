using Scraps.Model.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace Scraps.Model.Loss;

/// <summary>
/// CLIP-style symmetric cross-entropy over the score matrix L = T A^T (row i of T and A belong to pair i):
/// (CE(L, diag) + CE(L^T, diag)) / 2, at the paper's fixed temperature 1.0. (A learnable temperature was tried in
/// an earlier version and never used by a shipped model: the unnormalised SCRAPS vectors learn their own scale.)
/// </summary>
public sealed class SymmetricContrastiveLoss
{
    /// <summary>Kept in a field: no temporary Scalar per call (see PaddingMasks).</summary>
    private static readonly Scalar Two = 2.ToScalar();

    /// <summary>Score matrix L = T A^T [B, B]: rows are phonetic vectors, columns acoustic ones.</summary>
    public static Tensor Scores(Tensor phonetic, Tensor acoustic) => phonetic.matmul(acoustic.t());

    /// <summary>Scalar loss of a batch of B aligned pairs: phonetic [B, D], acoustic [B, D].</summary>
    public Tensor Compute(Tensor phonetic, Tensor acoustic)
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
        var targets = arange(phonetic.shape[0], dtype: ScalarType.Int64, device: phonetic.device);
        var rows = nn.functional.cross_entropy(logits, targets);
        var columns = nn.functional.cross_entropy(logits.t(), targets);
        return rows.add(columns).div(Two).MoveToOuterDisposeScope();
    }
}
