using Scraps.Model.Modules;
using static TorchSharp.torch;

namespace Scraps.Model.Loss;

/// <summary>
/// CTC loss of the acoustic CTC head against the pair's phones. Targets are the transcript's Phone tokens only:
/// stress marks and word boundaries are not sounds of their own (stress colours the vowel it precedes), and a
/// pause token may or may not be realised as silence, which CTC's blank already covers. Class 0 (the padding id,
/// never a phone) is the blank. Per-item losses are divided by the target length and averaged (PyTorch's "mean");
/// items whose phones cannot fit their steps (faster than one phone a step) contribute zero instead of infinity.
/// </summary>
public sealed class CtcPhoneLoss
{
    /// <param name="logProbs">[B, T', C] per-step log-probabilities.</param>
    /// <param name="stepLengths">[B] valid steps of each row.</param>
    /// <param name="targets">[sum of target lengths] the phone ids of every row, concatenated.</param>
    /// <param name="targetLengths">[B] phones of each row.</param>
    public Tensor Compute(Tensor logProbs, Tensor stepLengths, Tensor targets, Tensor targetLengths)
    {
        ArgumentNullException.ThrowIfNull(logProbs);
        if (logProbs.dim() != 3 || stepLengths.shape[0] != logProbs.shape[0] || targetLengths.shape[0] != logProbs.shape[0])
        {
            throw new ArgumentException(
                $"CTC needs log-probabilities [B, T, C] with B step and target lengths, got {PaddingMasks.Shape(logProbs)}, {PaddingMasks.Shape(stepLengths)} and {PaddingMasks.Shape(targetLengths)}.",
                nameof(logProbs));
        }
        return nn.functional.ctc_loss(
            logProbs.transpose(0, 1), targets, stepLengths, targetLengths, blank: 0, zero_infinity: true, reduction: nn.Reduction.Mean);
    }
}
