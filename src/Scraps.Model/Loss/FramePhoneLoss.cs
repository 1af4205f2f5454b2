using Scraps.Model.Modules;
using static TorchSharp.torch;

namespace Scraps.Model.Loss;

/// <summary>
/// Frame cross-entropy of the CTC head's steps against the phones the synthesizer says sound there
/// (<see cref="Training.FrameTargets"/>; the blank for silence): a dense signal that converges far sooner than CTC's
/// sum over alignments, and one that CTC agrees with, since the labels are one of its paths. Steps labelled
/// <see cref="Training.FrameTargets.Ignore"/> (padding, clips without labels) do not count; the loss is the mean over
/// the labelled steps of the batch.
/// </summary>
public sealed class FramePhoneLoss
{
    /// <param name="logProbs">[B, T, C] per-step log-probabilities.</param>
    /// <param name="targets">[B, T'] int64 class per step, T' &lt;= T (steps past T' are not labelled).</param>
    public Tensor Compute(Tensor logProbs, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(logProbs);
        ArgumentNullException.ThrowIfNull(targets);
        if (logProbs.dim() != 3 || targets.dim() != 2 || targets.shape[0] != logProbs.shape[0] || targets.shape[1] > logProbs.shape[1])
        {
            throw new ArgumentException(
                $"The frame loss needs log-probabilities [B, T, C] and targets [B, T' <= T], got {PaddingMasks.Shape(logProbs)} and {PaddingMasks.Shape(targets)}.",
                nameof(targets));
        }
        using var scope = NewDisposeScope();
        var steps = targets.shape[1];
        var used = logProbs.narrow(1, 0, steps).reshape(-1, logProbs.shape[2]);
        // cross_entropy's log-softmax leaves log-probabilities as they are (their log-sum-exp is 0); nll_loss has no ignore_index in TorchSharp.
        return nn.functional.cross_entropy(used, targets.reshape(-1), ignore_index: Training.FrameTargets.Ignore).MoveToOuterDisposeScope();
    }
}
