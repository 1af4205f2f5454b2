namespace Scraps.Inference.Evaluation;

/// <summary>
/// Threshold-free and equal-error metrics of a detector that should score matched pairs (positives)
/// above mismatched pairs (negatives). A pair is accepted when its score is at or above the threshold.
/// </summary>
public static class BinaryScoreMetrics
{
    /// <summary>
    /// Area under the ROC curve: the probability that a random positive outscores a random negative,
    /// a tie counting one half (Mann-Whitney U / (P N), computed with mid-ranks in O(n log n)).
    /// </summary>
    public static double AucRoc(ReadOnlySpan<float> positives, ReadOnlySpan<float> negatives)
    {
        Validate(positives, nameof(positives));
        Validate(negatives, nameof(negatives));
        var all = new (float Score, bool Positive)[positives.Length + negatives.Length];
        for (var i = 0; i < positives.Length; i++)
        {
            all[i] = (positives[i], true);
        }

        for (var i = 0; i < negatives.Length; i++)
        {
            all[positives.Length + i] = (negatives[i], false);
        }

        Array.Sort(all, static (a, b) => a.Score.CompareTo(b.Score));

        double positiveRankSum = 0;
        var start = 0;
        while (start < all.Length)
        {
            var end = start;
            var positivesInRun = 0;
            while (end < all.Length && all[end].Score == all[start].Score)
            {
                if (all[end].Positive)
                {
                    positivesInRun++;
                }

                end++;
            }
            // Ranks start + 1 .. end share their mean.
            var midRank = (start + 1 + end) / 2.0;
            positiveRankSum += positivesInRun * midRank;
            start = end;
        }
        double p = positives.Length, n = negatives.Length;
        return (positiveRankSum - p * (p + 1) / 2) / (p * n);
    }

    /// <summary>
    /// Equal error rate: the point where the false-acceptance rate (negatives at or above the threshold)
    /// equals the false-rejection rate (positives below it). The ROC is walked over every distinct score;
    /// where the two rates cross between two thresholds, rates and threshold are interpolated linearly
    /// on that ROC segment. Where they are equal over a whole range of thresholds (e.g. perfectly separated
    /// scores), the threshold is the middle of that range.
    /// </summary>
    public static EqualErrorPoint EqualErrorRate(ReadOnlySpan<float> positives, ReadOnlySpan<float> negatives)
    {
        Validate(positives, nameof(positives));
        Validate(negatives, nameof(negatives));
        var pos = positives.ToArray();
        var neg = negatives.ToArray();
        Array.Sort(pos);
        Array.Sort(neg);
        var thresholds = new double[pos.Length + neg.Length + 1];
        var count = 0;
        foreach (var s in pos)
        {
            thresholds[count++] = s;
        }

        foreach (var s in neg)
        {
            thresholds[count++] = s;
        }

        Array.Sort(thresholds, 0, count);
        count = Deduplicate(thresholds, count);
        // Above every score: accept nothing.
        thresholds[count] = Math.BitIncrement(thresholds[count - 1]);
        count++;

        double previousFar = 0, previousFrr = 0, previousThreshold = 0, previousGap = 0;
        for (var k = 0; k < count; k++)
        {
            var t = thresholds[k];
            var frr = (double)CountBelow(pos, t) / pos.Length;
            var far = (double)(neg.Length - CountBelow(neg, t)) / neg.Length;
            var gap = far - frr;
            if (gap == 0)
            {
                // Equal over (previous threshold, t_j] for every following t_j with the same rates.
                var last = k;
                while (last + 1 < count && RatesAt(pos, neg, thresholds[last + 1]) == (far, frr))
                {
                    last++;
                }

                var lower = k == 0 ? t : previousThreshold;
                return new EqualErrorPoint(frr, (lower + thresholds[last]) / 2);
            }
            if (gap < 0)
            {
                // k > 0 here: at the lowest score everything is accepted, so FAR = 1 > FRR = 0.
                var alpha = previousGap / (previousGap - gap);
                var rate = previousFrr + alpha * (frr - previousFrr);
                var threshold = previousThreshold + alpha * (t - previousThreshold);
                return new EqualErrorPoint(rate, threshold);
            }
            (previousFar, previousFrr, previousThreshold, previousGap) = (far, frr, t, gap);
        }
        // Unreachable: at the last threshold FRR = 1 and FAR = 0.
        throw new InvalidOperationException("The ROC never crossed the equal-error line.");
    }

    private static (double Far, double Frr) RatesAt(float[] pos, float[] neg, double t) =>
        ((double)(neg.Length - CountBelow(neg, t)) / neg.Length, (double)CountBelow(pos, t) / pos.Length);

    /// <summary>Number of sorted values strictly below <paramref name="t"/>.</summary>
    private static int CountBelow(float[] sorted, double t)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
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

    private static int Deduplicate(double[] sorted, int count)
    {
        var w = 1;
        for (var r = 1; r < count; r++)
        {
            if (sorted[r] != sorted[w - 1])
            {
                sorted[w++] = sorted[r];
            }
        }

        return w;
    }

    private static void Validate(ReadOnlySpan<float> scores, string name)
    {
        if (scores.IsEmpty)
        {
            throw new ArgumentException($"The {name} are empty: the metric needs at least one score of each kind.", name);
        }

        for (var i = 0; i < scores.Length; i++)
        {
            if (!float.IsFinite(scores[i]))
            {
                throw new ArgumentException($"The {name} hold a non-finite score ({scores[i]}) at index {i}.", name);
            }
        }
    }
}

/// <summary>The equal error rate and the score threshold where it is reached.</summary>
public readonly record struct EqualErrorPoint(double Rate, double Threshold);
