using Scraps.Inference.Alignment;
using Scraps.Inference.Evaluation;
using Scraps.Inference.Package;

namespace Scraps.Inference.Calibration;

/// <summary>
/// The verdict of a model with the CTC head: p(match) = σ(w_s·score + w_a·alignment + w_w·minWord + b), where score is
/// the SCRAPS dot product, alignment the utterance's mean phone goodness and minWord the goodness of its least
/// supported word (one wrong word shows there first). Fitted on held-out matched pairs against random AND near-miss
/// mismatches; match when the logit reaches the threshold: the equal-error point between matched pairs and near misses
/// (the hard case users filter for: random transcripts fall far below it), but never a point that rejects more than
/// <see cref="MaxFalseRejectShare"/> of the matched pairs. A word matches when its goodness reaches
/// <see cref="WordThreshold"/>: the equal-error point between words of matched pairs and substituted words, capped the
/// same way (at most that share of correct words flagged).
/// </summary>
/// <remarks>
/// Why the cap: users filter found data with <c>match</c>. With a head that separates near misses weakly (AUC 0.62 at
/// export of the 600-step ablation arm), the equal-error point rejected 41.6% of the correct pairs to accept 41.6% of the
/// near misses: a filter that throws away 4 clips in 10 to catch half the wrong words. Capped at 2% (issue 12's
/// false-reject bound), <c>match</c> keeps almost all good data and still drops random transcripts; the near misses
/// it then accepts are reported at export and in the model card, and the per-word answer flags the words.
/// </remarks>
public sealed record VerdictCalibration(double ScoreWeight, double AlignmentWeight, double WordWeight, double Bias, double Threshold, double WordThreshold)
{
    /// <summary>The largest share of matched pairs (and of their words) a fitted threshold may reject.</summary>
    public const double MaxFalseRejectShare = 0.02;

    public double Logit(double score, AlignmentReport alignment) =>
        (ScoreWeight * score) + (AlignmentWeight * alignment.Score) + (WordWeight * alignment.MinWordGoodness) + Bias;

    public double Probability(double logit) => LogisticFitter.Sigmoid(logit);

    public bool IsMatch(double logit) => logit >= Threshold;

    public bool IsWordMatch(double goodness) => goodness >= WordThreshold;

    public static VerdictCalibration? FromManifest(ModelManifest manifest) => manifest.Verdict is { } v
        ? new VerdictCalibration(v.ScoreWeight, v.AlignmentWeight, v.WordWeight, v.Bias, v.Threshold, v.WordThreshold)
        : null;

    public VerdictInfo ToInfo() => new(ScoreWeight, AlignmentWeight, WordWeight, Bias, Threshold, WordThreshold);

    /// <summary>
    /// Fits the verdict: matched pairs carry half the weight, random and near-miss mismatches a quarter each; the
    /// threshold is the equal-error point of the fitted logit between matched pairs and near misses, lowered where
    /// needed so that at most <see cref="MaxFalseRejectShare"/> of the matched pairs fall below it. Word threshold
    /// likewise from the word figures.
    /// </summary>
    /// <param name="matched">(score, alignment) of matched pairs.</param>
    /// <param name="random">Of pairs with another utterance's transcript.</param>
    /// <param name="nearMiss">Of pairs with a near miss of their own transcript.</param>
    /// <param name="matchedWords">Goodness of the words of matched pairs.</param>
    /// <param name="substitutedWords">Goodness of the substituted words of near-miss pairs.</param>
    public static VerdictCalibration Fit(
        IReadOnlyList<(double Score, AlignmentReport Alignment)> matched,
        IReadOnlyList<(double Score, AlignmentReport Alignment)> random,
        IReadOnlyList<(double Score, AlignmentReport Alignment)> nearMiss,
        IReadOnlyList<double> matchedWords,
        IReadOnlyList<double> substitutedWords)
    {
        static double[] Features((double Score, AlignmentReport Alignment) p) => [p.Score, p.Alignment.Score, p.Alignment.MinWordGoodness];
        var samples = matched.Select(p => (Features(p), true, 0.5 / matched.Count))
            .Concat(random.Select(p => (Features(p), false, 0.25 / random.Count)))
            .Concat(nearMiss.Select(p => (Features(p), false, 0.25 / nearMiss.Count)))
            .ToArray();
        var (w, b) = WeightedLogisticRegression.Fit(samples);
        var fitted = new VerdictCalibration(w[0], w[1], w[2], b, 0, 0);
        var positives = matched.Select(p => fitted.Logit(p.Score, p.Alignment)).ToArray();
        var negatives = nearMiss.Select(p => fitted.Logit(p.Score, p.Alignment)).ToArray();
        var threshold = CappedThreshold(positives, negatives);
        var wordThreshold = CappedThreshold(matchedWords.ToArray(), substitutedWords.ToArray());
        return fitted with { Threshold = threshold, WordThreshold = wordThreshold };
    }

    /// <summary>The equal-error threshold, or a lower one where it rejects more than <see cref="MaxFalseRejectShare"/> of the positives.</summary>
    internal static double CappedThreshold(double[] positives, double[] negatives)
    {
        var equalError = (double)BinaryScoreMetrics.EqualErrorRate(Array.ConvertAll(positives, v => (float)v), Array.ConvertAll(negatives, v => (float)v)).Threshold;
        if (positives.Length == 0) return equalError;
        var sorted = positives.Order().ToArray();
        // At most floor(share * n) positives strictly below the threshold: the (k+1)-th smallest is the highest such point.
        var allowed = (int)Math.Floor(MaxFalseRejectShare * sorted.Length);
        return Math.Min(equalError, sorted[allowed]);
    }
}
