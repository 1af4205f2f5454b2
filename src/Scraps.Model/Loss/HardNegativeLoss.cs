using Scraps.Model.Modules;
using static TorchSharp.torch;

namespace Scraps.Model.Loss;

/// <summary>
/// The audio -> text term for hard negatives (NegCLIP-style): each clip must score its own phoneme sequence above K
/// near-miss versions of that same sequence (a close word swapped in, a word dropped or added, neighbours swapped,
/// phones replaced). Cross-entropy over [a_i·t_i, a_i·n_i1, ..., a_i·n_iK] with the true text as class 0, at
/// temperature 1 like the in-batch loss. Only the clip's own negatives enter its row: another pair's near misses
/// are unrelated sentences to this clip, which the in-batch term already covers.
/// </summary>
public sealed class HardNegativeLoss
{
    /// <param name="acoustic">[B, D] clip vectors.</param>
    /// <param name="phonetic">[B, D] vectors of each clip's own transcript.</param>
    /// <param name="negatives">[B * K, D]: rows i*K .. i*K+K-1 are clip i's near misses.</param>
    public Tensor Compute(Tensor acoustic, Tensor phonetic, Tensor negatives)
    {
        ArgumentNullException.ThrowIfNull(negatives);
        long batch = acoustic.shape[0], dim = acoustic.shape[1];
        if (phonetic.shape[0] != batch || negatives.dim() != 2 || negatives.shape[1] != dim || negatives.shape[0] % batch != 0 || negatives.shape[0] == 0)
        {
            throw new ArgumentException(
                $"Hard negatives need [B, D] clip and text vectors and [B*K, D] negatives, got {PaddingMasks.Shape(acoustic)}, {PaddingMasks.Shape(phonetic)} and {PaddingMasks.Shape(negatives)}.",
                nameof(negatives));
        }
        using var scope = NewDisposeScope();
        var k = negatives.shape[0] / batch;
        var positive = acoustic.mul(phonetic).sum(1, keepdim: true);
        var negative = negatives.view(batch, k, dim).matmul(acoustic.unsqueeze(2)).squeeze(2);
        var logits = cat([positive, negative], 1);
        var targets = zeros(batch, dtype: ScalarType.Int64, device: acoustic.device);
        return nn.functional.cross_entropy(logits, targets).MoveToOuterDisposeScope();
    }
}
