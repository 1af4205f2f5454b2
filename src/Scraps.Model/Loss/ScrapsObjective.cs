using Scraps.Model.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace Scraps.Model.Loss;

/// <summary>
/// The training objective: the paper's symmetric contrastive loss, plus w * the hard-negative term
/// (<see cref="HardNegativeLoss"/>) when near misses are drawn, plus λ * CTC (<see cref="CtcPhoneLoss"/>) when the
/// model has the CTC head, plus μ * the frame cross-entropy of the head's steps against the synthesizers' phone labels
/// where a batch has them (<see cref="FramePhoneLoss"/>), plus ν * the matching head's loss (<see cref="MatchingLoss"/>):
/// L = L_clip + w L_hard + λ L_ctc + μ L_frame + ν L_match.
/// </summary>
public sealed class ScrapsObjective
{
    private readonly SymmetricContrastiveLoss _contrastive = new();
    private readonly HardNegativeLoss _hard = new();
    private readonly CtcPhoneLoss _ctc = new();
    private readonly FramePhoneLoss _frame = new();
    private readonly MatchingLoss _matching = new();
    private readonly Scalar _hardWeight;
    private readonly Scalar _ctcWeight;
    private readonly Scalar _frameWeight;
    private readonly Scalar _matchWeight;

    public ScrapsObjective(double hardNegativeWeight, double ctcWeight, double frameWeight = 0, double matchWeight = 0)
    {
        if (!(matchWeight >= 0) || !double.IsFinite(matchWeight))
        {
            throw new ArgumentException($"The matching weight must be finite and non-negative, got {matchWeight}.");
        }

        MatchWeight = matchWeight;
        _matchWeight = matchWeight.ToScalar();
        if (!(hardNegativeWeight >= 0) || !(ctcWeight >= 0) || !(frameWeight >= 0)
            || !double.IsFinite(hardNegativeWeight) || !double.IsFinite(ctcWeight) || !double.IsFinite(frameWeight))
        {
            throw new ArgumentException($"Loss weights must be finite and non-negative, got {hardNegativeWeight}, {ctcWeight} and {frameWeight}.");
        }

        HardNegativeWeight = hardNegativeWeight;
        CtcWeight = ctcWeight;
        FrameWeight = frameWeight;
        _hardWeight = hardNegativeWeight.ToScalar();
        _ctcWeight = ctcWeight.ToScalar();
        _frameWeight = frameWeight.ToScalar();
    }

    /// <summary>μ of the frame cross-entropy.</summary>
    public double FrameWeight { get; }

    /// <summary>ν of the matching head's loss.</summary>
    public double MatchWeight { get; }

    public double HardNegativeWeight { get; }

    public double CtcWeight { get; }

    /// <param name="phonetic">[B, D] vectors of the pairs' transcripts.</param>
    /// <param name="acoustic">The clips' encoder outputs (log-probabilities needed when the CTC weight is above 0).</param>
    /// <param name="negatives">[B * K, D] near-miss vectors, or null.</param>
    /// <param name="ctcTargets">Concatenated phone ids of the transcripts, or null when the CTC weight is 0.</param>
    /// <param name="ctcTargetLengths">[B] phones of each transcript.</param>
    /// <param name="frameTargets">[B, steps] frame labels of the head's steps (<see cref="Training.FrameTargets"/>), or null when no clip has them.</param>
    /// <param name="matchingBatch">The matching head's logits and labels for the batch, or null.</param>
    public LossBreakdown Compute(
        Tensor phonetic, AcousticOutputs acoustic, Tensor? negatives, Tensor? ctcTargets, Tensor? ctcTargetLengths, Tensor? frameTargets = null, MatchingBatch? matchingBatch = null)
    {
        ArgumentNullException.ThrowIfNull(acoustic);
        var total = _contrastive.Compute(phonetic, acoustic.Embeddings);
        var breakdown = new LossBreakdown(total, total, null, null);
        if (negatives is not null && HardNegativeWeight > 0)
        {
            var h = _hard.Compute(acoustic.Embeddings, phonetic, negatives);
            total = total.add(h.mul(_hardWeight));
            breakdown = breakdown with { HardNegative = h };
        }
        if (CtcWeight > 0)
        {
            if (acoustic.PhoneLogProbs is null || ctcTargets is null || ctcTargetLengths is null)
            {
                throw new ArgumentException("A CTC weight above 0 needs a model with the CTC head and the transcripts' phone targets.");
            }

            var c = _ctc.Compute(acoustic.PhoneLogProbs, acoustic.PhoneStepLengths, ctcTargets, ctcTargetLengths);
            total = total.add(c.mul(_ctcWeight));
            breakdown = breakdown with { Ctc = c };
        }
        if (FrameWeight > 0 && frameTargets is not null)
        {
            if (acoustic.PhoneLogProbs is null)
            {
                throw new ArgumentException("A frame weight above 0 needs a model with the CTC head.");
            }

            var f = _frame.Compute(acoustic.PhoneLogProbs, frameTargets);
            total = total.add(f.mul(_frameWeight));
            breakdown = breakdown with { Frame = f };
        }
        if (MatchWeight > 0 && matchingBatch is not null)
        {
            var m = _matching.Compute(matchingBatch.Logits, matchingBatch.Labels, matchingBatch.Pairs);
            total = total.add(m.mul(_matchWeight));
            breakdown = breakdown with { Matching = m };
        }
        return breakdown with { Total = total };
    }
}

/// <summary>The total loss and its parts (scalars; null where a part is off).</summary>
public sealed record LossBreakdown(Tensor Total, Tensor Contrastive, Tensor? HardNegative, Tensor? Ctc)
{
    public Tensor? Frame { get; init; }

    public Tensor? Matching { get; init; }
}

/// <summary>The matching head's logits [N, T], per-token labels [N, T] and pair labels [N] (1: a clip's own transcript).</summary>
public sealed record MatchingBatch(Tensor Logits, Tensor Labels, Tensor Pairs);
