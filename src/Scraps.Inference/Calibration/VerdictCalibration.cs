using Scraps.Inference.Alignment;
using Scraps.Inference.Evaluation;
using Scraps.Inference.Package;

namespace Scraps.Inference.Calibration;

/// <summary>
/// The verdict of a model with the CTC head: p(match) = σ(w_s·score + w_a·alignment + w_w·minWord + b), where score is
/// the SCRAPS dot product, alignment the utterance's mean phone goodness and minWord the goodness of its least
/// supported word (one wrong word shows there first). Fitted on held-out matched pairs against random AND near-miss
/// mismatches; match when the logit reaches the threshold, the equal-error point between matched pairs and near misses
/// (the hard case users filter for: random transcripts fall far below it). A word matches when its goodness reaches
/// <see cref="WordThreshold"/> (equal-error point between words of matched pairs and substituted words).
/// </summary>
public sealed record VerdictCalibration(double ScoreWeight, double AlignmentWeight, double WordWeight, double Bias, double Threshold, double WordThreshold)
{
    public double Logit(double score, AlignmentReport alignment) =>
        (ScoreWeight * score) + (AlignmentWeight * alignment.Score) + (WordWeight * alignment.MinWordGoodness) + Bias;

    public double Probability(double logit) => WeightedLogisticRegression.Sigmoid(logit);

    public bool IsMatch(double logit) => logit >= Threshold;

    public bool IsWordMatch(double goodness) => goodness >= WordThreshold;

    public static VerdictCalibration? FromManifest(ModelManifest manifest) => manifest.Verdict is { } v
        ? new VerdictCalibration(v.ScoreWeight, v.AlignmentWeight, v.WordWeight, v.Bias, v.Threshold, v.WordThreshold)
        : null;

    public VerdictInfo ToInfo() => new(ScoreWeight, AlignmentWeight, WordWeight, Bias, Threshold, WordThreshold);

    /// <summary>
    /// Fits the verdict: matched pairs carry half the weight, random and near-miss mismatches a quarter each; the
    /// threshold is the equal-error point of the fitted logit between matched pairs and near misses. Word threshold
    /// from the word figures.
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
        var positives = matched.Select(p => (float)fitted.Logit(p.Score, p.Alignment)).ToArray();
        var negatives = nearMiss.Select(p => (float)fitted.Logit(p.Score, p.Alignment)).ToArray();
        var threshold = BinaryScoreMetrics.EqualErrorRate(positives, negatives).Threshold;
        var wordThreshold = BinaryScoreMetrics.EqualErrorRate(
            matchedWords.Select(v => (float)v).ToArray(), substitutedWords.Select(v => (float)v).ToArray()).Threshold;
        return fitted with { Threshold = threshold, WordThreshold = wordThreshold };
    }
}
