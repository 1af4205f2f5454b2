using Scraps.Inference.Alignment;
using Scraps.Inference.Evaluation;
using Scraps.Inference.Package;

namespace Scraps.Inference.Calibration;

/// <summary>
/// The verdict of a model with the CTC head: p(match) = σ(w·features + b) over the SCRAPS score, the utterance's mean
/// phone goodness, the goodness of its least supported word (one wrong word shows there first), the speech the
/// transcript leaves unexplained, length terms and, with a matching head, its pair and weakest-word logits. Fitted on
/// held-out matched pairs against random AND near-miss mismatches, each kind of speech (synthetic voices, human
/// speakers) weighing alike. Three operating points: balanced (the package's threshold; <see cref="Balanced"/>),
/// lenient (at most <see cref="LenientFalseRejectShare"/> of correct pairs rejected in any kind of speech) and strict
/// (the equal-error point against near misses). A word matches when its logit reaches <see cref="WordThreshold"/>: the
/// equal-error point between words of matched pairs and substituted words, capped at
/// <see cref="MaxFalseRejectShare"/> of correct words flagged.
/// </summary>
/// <remarks>
/// Why bounds rather than the equal-error point: users filter found data with <c>match</c>. With a head that separates
/// near misses weakly (AUC 0.62 at export of the 600-step ablation arm), the equal-error point rejected 41.6% of the
/// correct pairs to accept 41.6% of the near misses: a filter that throws away 4 clips in 10 to catch half the wrong
/// words. And a threshold fitted on synthetic voices alone accepted 7-9% of unrelated transcripts on people (issue 21):
/// so balanced bounds both errors users see first, in every kind of speech it was fitted on, and the near misses it
/// then accepts are reported at export and in the model card, and the per-word answer flags the words.
/// </remarks>
public sealed record VerdictCalibration(double ScoreWeight, double AlignmentWeight, double WordWeight, double Bias, double Threshold, double WordThreshold)
{
    /// <summary>The largest share of matched pairs (and of their words) a fitted threshold may reject.</summary>
    public const double MaxFalseRejectShare = 0.02;

    /// <summary>The share the lenient operating point may reject.</summary>
    public const double LenientFalseRejectShare = 0.01;

    /// <summary>The balanced point's bound on correct pairs rejected, in every kind of speech (issue 21: 3% on people).</summary>
    public const double BalancedFalseRejectShare = 0.03;

    /// <summary>The balanced point's bound on unrelated transcripts accepted, in every kind of speech (issue 21: 2%).</summary>
    public const double BalancedRandomAcceptShare = 0.02;

    /// <summary>What <see cref="VerdictFeatures.Vector"/> holds, in order.</summary>
    public static readonly IReadOnlyList<string> FeatureNames = ["score", "alignment", "minWord", "unexplained", "lnPhones", "lnSeconds", "match", "minWordMatch"];

    public double UnexplainedWeight { get; init; }

    public double PhonesWeight { get; init; }

    public double SecondsWeight { get; init; }

    public double MatchWeight { get; init; }

    public double WordMatchWeight { get; init; }

    public double? LenientThreshold { get; init; }

    public double? StrictThreshold { get; init; }

    public double WordGoodnessWeight { get; init; } = 1;

    public double WordMatchLogitWeight { get; init; }

    public double WordBias { get; init; }

    /// <summary>Whether the verdict reads a matching head (a model without one answers without those terms).</summary>
    public bool UsesMatching => MatchWeight != 0 || WordMatchWeight != 0 || WordMatchLogitWeight != 0;

    public double Logit(double score, AlignmentReport alignment) =>
        (ScoreWeight * score) + (AlignmentWeight * alignment.Score) + (WordWeight * alignment.MinWordGoodness) + Bias;

    public double Logit(VerdictFeatures f)
    {
        var v = f.Vector(withMatching: true);
        return (ScoreWeight * v[0]) + (AlignmentWeight * v[1]) + (WordWeight * v[2]) + (UnexplainedWeight * v[3]) + (PhonesWeight * v[4])
            + (SecondsWeight * v[5]) + (MatchWeight * v[6]) + (WordMatchWeight * v[7]) + Bias;
    }

    public double Probability(double logit) => LogisticFitter.Sigmoid(logit);

    public bool IsMatch(double logit) => logit >= Threshold;

    /// <summary>The decision threshold of a named operating point.</summary>
    public double ThresholdOf(VerdictStrictness strictness) => strictness switch
    {
        VerdictStrictness.Lenient => LenientThreshold ?? Threshold,
        VerdictStrictness.Strict => StrictThreshold ?? Threshold,
        _ => Threshold,
    };

    /// <summary>A word's logit from its goodness and (with a matching head) its lowest phone logit.</summary>
    public double WordLogit(double goodness, double? matchLogit) => (WordGoodnessWeight * goodness) + (WordMatchLogitWeight * (matchLogit ?? 0)) + WordBias;

    public bool IsWordMatch(double goodness) => goodness >= WordThreshold;

    public bool IsWordLogitMatch(double wordLogit) => wordLogit >= WordThreshold;

    public static VerdictCalibration? FromManifest(ModelManifest manifest) => manifest.Verdict is { } v
        ? new VerdictCalibration(v.ScoreWeight, v.AlignmentWeight, v.WordWeight, v.Bias, v.Threshold, v.WordThreshold)
        {
            UnexplainedWeight = v.UnexplainedWeight,
            PhonesWeight = v.PhonesWeight,
            SecondsWeight = v.SecondsWeight,
            MatchWeight = v.MatchWeight,
            WordMatchWeight = v.WordMatchWeight,
            LenientThreshold = v.LenientThreshold,
            StrictThreshold = v.StrictThreshold,
            WordGoodnessWeight = v.WordGoodnessWeight,
            WordMatchLogitWeight = v.WordMatchLogitWeight,
            WordBias = v.WordBias,
        }
        : null;

    public VerdictInfo ToInfo() => new(ScoreWeight, AlignmentWeight, WordWeight, Bias, Threshold, WordThreshold)
    {
        UnexplainedWeight = UnexplainedWeight,
        PhonesWeight = PhonesWeight,
        SecondsWeight = SecondsWeight,
        MatchWeight = MatchWeight,
        WordMatchWeight = WordMatchWeight,
        LenientThreshold = LenientThreshold,
        StrictThreshold = StrictThreshold,
        WordGoodnessWeight = WordGoodnessWeight,
        WordMatchLogitWeight = WordMatchLogitWeight,
        WordBias = WordBias,
    };

    /// <summary>
    /// Fits the verdict on the features of <see cref="VerdictFeatures"/> (the matching terms where
    /// <paramref name="withMatching"/>): each group of <see cref="VerdictFeatures.Group"/> weighs alike, and within
    /// one matched pairs carry half the weight, random and near-miss mismatches a quarter each. The threshold is the equal-error point of the fitted logit between matched pairs and near misses, lowered
    /// where needed so that at most <see cref="MaxFalseRejectShare"/> of the matched pairs, in every group, fall below it (the lenient
    /// point: <see cref="LenientFalseRejectShare"/>; the strict point: the equal-error point itself). A word's logit is
    /// fitted on the words of matched pairs against substituted words (its goodness, and its matching logit where there
    /// is one); its threshold likewise.
    /// </summary>
    public static VerdictCalibration Fit(
        IReadOnlyList<VerdictFeatures> matched,
        IReadOnlyList<VerdictFeatures> random,
        IReadOnlyList<VerdictFeatures> nearMiss,
        IReadOnlyList<(double Goodness, double? Match)> matchedWords,
        IReadOnlyList<(double Goodness, double? Match)> substitutedWords,
        bool withMatching)
    {
        // Each group (synthetic, human...) weighs alike whatever its size, so a few hundred human clips are not drowned by
        // thousands of synthetic ones; within a group matched pairs weigh 1/2, random and near misses 1/4 each.
        var groups = matched.Select(p => p.Group).Distinct().ToArray();
        static Dictionary<string, int> Sizes(IReadOnlyList<VerdictFeatures> kind) =>
            kind.GroupBy(p => p.Group ?? "").ToDictionary(g => g.Key, g => g.Count());
        var (matchedSizes, randomSizes, nearSizes) = (Sizes(matched), Sizes(random), Sizes(nearMiss));
        double Weight(Dictionary<string, int> sizes, VerdictFeatures p, double share) => share / groups.Length / sizes[p.Group ?? ""];
        var samples = matched.Select(p => (p.Vector(withMatching), true, Weight(matchedSizes, p, 0.5)))
            .Concat(random.Select(p => (p.Vector(withMatching), false, Weight(randomSizes, p, 0.25))))
            .Concat(nearMiss.Select(p => (p.Vector(withMatching), false, Weight(nearSizes, p, 0.25))))
            .ToArray();
        var (w, b) = WeightedLogisticRegression.Fit(samples);
        var fitted = new VerdictCalibration(w[0], w[1], w[2], b, 0, 0)
        {
            UnexplainedWeight = w[3],
            PhonesWeight = w[4],
            SecondsWeight = w[5],
            MatchWeight = withMatching ? w[6] : 0,
            WordMatchWeight = withMatching ? w[7] : 0,
        };
        var positives = matched.Select(fitted.Logit).ToArray();
        var negatives = nearMiss.Select(fitted.Logit).ToArray();

        var wordFit = WordModel(matchedWords, substitutedWords, withMatching);
        fitted = fitted with { WordGoodnessWeight = wordFit.Goodness, WordMatchLogitWeight = wordFit.Match, WordBias = wordFit.Bias };
        var wordPositives = matchedWords.Select(x => fitted.WordLogit(x.Goodness, x.Match)).ToArray();
        var wordNegatives = substitutedWords.Select(x => fitted.WordLogit(x.Goodness, x.Match)).ToArray();
        // The caps hold in every group: the threshold is the lowest of the groups' capped points.
        double Capped(double share) => groups
            .Select(g => CappedThreshold(matched.Where(p => p.Group == g).Select(fitted.Logit).ToArray(), nearMiss.Where(p => p.Group == g).Select(fitted.Logit).ToArray(), share))
            .Append(CappedThreshold(positives, negatives, share))
            .Min();
        return fitted with
        {
            Threshold = Balanced(groups.Select(g => (
                Matched: matched.Where(p => p.Group == g).Select(fitted.Logit).ToArray(),
                Random: random.Where(p => p.Group == g).Select(fitted.Logit).ToArray())).ToArray(), Capped(BalancedFalseRejectShare)),
            LenientThreshold = Capped(LenientFalseRejectShare),
            StrictThreshold = EqualErrorThreshold(positives, negatives),
            WordThreshold = CappedThreshold(wordPositives, wordNegatives),
        };
    }

    /// <summary>A word's logit: its goodness alone (weight 1, bias 0) without a matching head, else fitted on both.</summary>
    private static (double Goodness, double Match, double Bias) WordModel(
        IReadOnlyList<(double Goodness, double? Match)> matchedWords, IReadOnlyList<(double Goodness, double? Match)> substitutedWords, bool withMatching)
    {
        if (!withMatching || matchedWords.Count == 0 || substitutedWords.Count == 0)
        {
            return (1, 0, 0);
        }

        var samples = matchedWords.Select(x => (new[] { x.Goodness, x.Match ?? 0 }, true, 0.5 / matchedWords.Count))
            .Concat(substitutedWords.Select(x => (new[] { x.Goodness, x.Match ?? 0 }, false, 0.5 / substitutedWords.Count)))
            .ToArray();
        var (w, b) = WeightedLogisticRegression.Fit(samples);
        return (w[0], w[1], b);
    }

    /// <summary>
    /// The balanced point: <paramref name="capped"/> (the highest threshold that rejects at most
    /// <see cref="BalancedFalseRejectShare"/> of the correct pairs in every group, so as many near misses as that allows
    /// are caught) when it also accepts at most <see cref="BalancedRandomAcceptShare"/> of the unrelated transcripts in
    /// every group. Where no threshold meets both bounds in every group, the one that misses them by the least: the
    /// smallest worst ratio of an error rate to its bound, over the groups (both errors then exceed their bounds in
    /// the same proportion, and the export reports them per group).
    /// </summary>
    internal static double Balanced(IReadOnlyList<(double[] Matched, double[] Random)> groups, double capped)
    {
        static double Rejected(double[] sorted, double t) => sorted.Length == 0 ? 0 : (double)LowerBound(sorted, t) / sorted.Length;
        static double Accepted(double[] sorted, double t) => sorted.Length == 0 ? 0 : (double)(sorted.Length - LowerBound(sorted, t)) / sorted.Length;
        var sortedGroups = groups.Select(g => (Matched: g.Matched.Order().ToArray(), Random: g.Random.Order().ToArray())).ToArray();
        double Worst(double t) => sortedGroups.Max(g => Math.Max(Rejected(g.Matched, t) / BalancedFalseRejectShare, Accepted(g.Random, t) / BalancedRandomAcceptShare));
        if (double.IsFinite(capped) && Worst(capped) <= 1)
        {
            return capped;
        }

        // Candidate thresholds: every logit (the error rates only change there), and just above each.
        var candidates = sortedGroups.SelectMany(g => g.Matched.Concat(g.Random)).SelectMany(v => new[] { v, Math.BitIncrement(v) }).Distinct().Order().ToArray();
        return candidates.Length == 0 ? capped : candidates.MinBy(Worst);
    }

    /// <summary>How many of <paramref name="sorted"/> are strictly below <paramref name="t"/>.</summary>
    private static int LowerBound(double[] sorted, double t)
    {
        var (lo, hi) = (0, sorted.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < t)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The equal-error threshold, or a lower one where it rejects more than <paramref name="share"/> of the positives.</summary>
    internal static double CappedThreshold(double[] positives, double[] negatives, double share = MaxFalseRejectShare)
    {
        if (positives.Length == 0)
        {
            return double.PositiveInfinity;
        }

        var equalError = negatives.Length == 0 ? double.PositiveInfinity : EqualErrorThreshold(positives, negatives);
        var sorted = positives.Order().ToArray();
        // At most floor(share * n) positives strictly below the threshold: the (k+1)-th smallest is the highest such point.
        var allowed = (int)Math.Floor(share * sorted.Length);
        return Math.Min(equalError, sorted[allowed]);
    }

    private static double EqualErrorThreshold(double[] positives, double[] negatives) =>
        BinaryScoreMetrics.EqualErrorRate(Array.ConvertAll(positives, v => (float)v), Array.ConvertAll(negatives, v => (float)v)).Threshold;
}

/// <summary>The verdict's named operating points.</summary>
public enum VerdictStrictness
{
    /// <summary>
    /// The package's threshold: at most 3% of good pairs rejected and 2% of unrelated transcripts accepted in each kind
    /// of speech it was fitted on (synthetic, human), or the nearest miss of both where no threshold meets them.
    /// </summary>
    Balanced,

    /// <summary>Keeps more good data: at most 1% rejected; accepts more near misses.</summary>
    Lenient,

    /// <summary>The equal-error point against one-word near misses: catches more wrong words, rejects more good data.</summary>
    Strict,
}
