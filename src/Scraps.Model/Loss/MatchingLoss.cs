using Scraps.Model.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace Scraps.Model.Loss;

/// <summary>
/// The matching head's loss: binary cross-entropy of each phone's logit against whether the clip supports it
/// (<see cref="Training.SupportLabels"/>), balanced so that the few unsupported phones weigh as much as the many
/// supported ones; plus the same for the pair: its logit is the soft minimum over its phones (-logsumexp(-x): one
/// unsupported phone makes the pair a mismatch), true for the clip's own transcript and false for every near miss,
/// balanced between the two. L_match = (L_phones + L_pairs) / 2.
/// </summary>
public sealed class MatchingLoss
{
    private static readonly Scalar Half = 0.5.ToScalar();
    private static readonly Scalar Excluded = 1e4f.ToScalar();

    /// <param name="logits">[N, T] per-token logits.</param>
    /// <param name="labels">[N, T] int64: 1 supported, 0 not, -1 no phone (ignored).</param>
    /// <param name="pairs">[N] float: 1 for a clip's own transcript, 0 for a near miss.</param>
    public Tensor Compute(Tensor logits, Tensor labels, Tensor pairs)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (logits.dim() != 2 || !labels.shape.SequenceEqual(logits.shape) || pairs.shape[0] != logits.shape[0])
        {
            throw new ArgumentException(
                $"The matching loss needs logits [N, T], labels [N, T] and pair labels [N], got {PaddingMasks.Shape(logits)}, {PaddingMasks.Shape(labels)} and {PaddingMasks.Shape(pairs)}.",
                nameof(labels));
        }
        using var scope = NewDisposeScope();
        var phones = labels.ge(0);
        var target = labels.clamp_min(0).to_type(logits.dtype);
        var perToken = nn.functional.binary_cross_entropy_with_logits(logits, target, reduction: nn.Reduction.None);
        var tokenLoss = BalancedMean(perToken, phones, labels.eq(1), labels.eq(0));

        var pairLogit = logits.masked_fill(phones.logical_not(), Excluded).neg().logsumexp(1).neg();
        var perPair = nn.functional.binary_cross_entropy_with_logits(pairLogit, pairs, reduction: nn.Reduction.None);
        var everyPair = ones_like(pairs, dtype: ScalarType.Bool);
        var pairLoss = BalancedMean(perPair, everyPair, pairs.gt(Half), pairs.lt(Half));
        return tokenLoss.add(pairLoss).mul(Half).MoveToOuterDisposeScope();
    }

    /// <summary>The mean over the positives and the mean over the negatives, averaged (one of them alone when the other is empty).</summary>
    private static Tensor BalancedMean(Tensor values, Tensor valid, Tensor positive, Tensor negative)
    {
        var p = positive.logical_and(valid).to_type(values.dtype);
        var n = negative.logical_and(valid).to_type(values.dtype);
        var pCount = p.sum();
        var nCount = n.sum();
        var pMean = values.mul(p).sum().div(pCount.clamp_min(1));
        var nMean = values.mul(n).sum().div(nCount.clamp_min(1));
        var both = pCount.gt(0).logical_and(nCount.gt(0)).to_type(values.dtype);
        // Both present: their average; one alone: its mean (the other's is 0).
        return where(both.to_type(ScalarType.Bool), pMean.add(nMean).mul(Half), pMean.add(nMean));
    }
}
