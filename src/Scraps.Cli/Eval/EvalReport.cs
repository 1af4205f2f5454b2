using Scraps.Inference.Evaluation;

namespace Scraps.Cli.Eval;

/// <summary>
/// Everything one evaluation measured (paper sections 4.2-4.3 plus word-swap hard negatives). Rates are fractions in
/// [0, 1]; corruption levels are fractions (0.2 = 20% of phones substituted, or α = 0.2).
/// </summary>
/// <param name="Pairs">Matched pairs evaluated (whole minibatches of <paramref name="BatchSize"/>).</param>
/// <param name="BatchSize">Pairs in each minibatch.</param>
/// <param name="Minibatch">Random-minibatch discrimination: each figure's mean over the minibatches with its interval.</param>
/// <param name="Substitution">Random phoneme substitution, one entry per level.</param>
/// <param name="Gaussian">Gaussian noise mixed into the standardised spectrogram, one entry per α.</param>
/// <param name="Mix">Another clip's standardised spectrogram mixed in, one entry per α.</param>
/// <param name="WordSwap">Matched pairs against one-word-swapped transcripts.</param>
internal sealed record EvalReport(
    int Pairs,
    int BatchSize,
    RetrievalSummary Minibatch,
    IReadOnlyList<CorruptionLevelResult> Substitution,
    IReadOnlyList<CorruptionLevelResult> Gaussian,
    IReadOnlyList<CorruptionLevelResult> Mix,
    WordSwapResult WordSwap)
{
    public int Batches => Pairs / BatchSize;

    /// <summary>The clips the pairs were drawn from (<see cref="EvalSubset.Describe"/>); null for the whole manifest.</summary>
    public string? Subset { get; init; }

    /// <summary>Close-word substitution, deletion and insertion rows, localisation and decisions; null when not measured.</summary>
    public NearMissReport? NearMisses { get; init; }
}

/// <summary>
/// One corruption at one level: the per-minibatch AUC-ROC of corrupted matched pairs against mismatched pairs (mean
/// and Student-t interval over the minibatches) and the share of pairs whose score dropped or rose.
/// </summary>
internal sealed record CorruptionLevelResult(double Level, ConfidenceInterval Auc, ScoreShift Shift);

/// <summary>AUC-ROC of matched pairs (positives) against their word-swapped near-misses (negatives); null when no pair could be swapped.</summary>
internal sealed record WordSwapResult(double? Auc, int Pairs);
