namespace Scraps.Inference.Evaluation;

/// <summary>A two-sided interval around an estimate, at the stated confidence level (e.g. 0.95).</summary>
public readonly record struct ConfidenceInterval(double Estimate, double Lower, double Upper, double Level)
{
    public double HalfWidth => (Upper - Lower) / 2;
}

/// <summary>Confidence intervals for the figures the evaluation reports.</summary>
public static class ConfidenceIntervals
{
    /// <summary>Wilson score interval of a proportion (e.g. recall@1 over <paramref name="trials"/> queries).</summary>
    public static ConfidenceInterval Wilson(double successes, int trials, double level = 0.95)
    {
        ValidateLevel(level);
        if (trials <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(trials), trials, "The number of trials must be positive.");
        }

        if (successes < 0 || successes > trials || double.IsNaN(successes))
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"Successes must lie in [0, {trials}].");
        }

        var z = StandardNormal.Quantile(0.5 + level / 2);
        var p = successes / trials;
        var z2n = z * z / trials;
        var centre = (p + z2n / 2) / (1 + z2n);
        var half = z / (1 + z2n) * Math.Sqrt(p * (1 - p) / trials + z2n / (4.0 * trials));
        return new ConfidenceInterval(p, Math.Max(0, centre - half), Math.Min(1, centre + half), level);
    }

    /// <summary>
    /// Student-t interval of the mean of independent measurements (e.g. one figure over several random
    /// minibatches). A single measurement has no spread to estimate: its interval is the value itself.
    /// </summary>
    public static ConfidenceInterval Mean(IReadOnlyList<double> values, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        ValidateLevel(level);
        if (values.Count == 0)
        {
            throw new ArgumentException("The mean of no values has no confidence interval.", nameof(values));
        }

        double sum = 0;
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"Value {i} is not finite ({values[i]}).", nameof(values));
            }

            sum += values[i];
        }
        var mean = sum / values.Count;
        if (values.Count == 1)
        {
            return new ConfidenceInterval(mean, mean, mean, level);
        }

        double squares = 0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        var standardError = Math.Sqrt(squares / (values.Count - 1) / values.Count);
        var half = StudentT.Quantile(0.5 + level / 2, values.Count - 1) * standardError;
        return new ConfidenceInterval(mean, mean - half, mean + half, level);
    }

    /// <summary>
    /// Hanley-McNeil (1982) interval of an AUC measured on <paramref name="positives"/> matched and
    /// <paramref name="negatives"/> mismatched pairs (normal approximation, clipped to [0, 1]).
    /// </summary>
    public static ConfidenceInterval HanleyMcNeil(double auc, int positives, int negatives, double level = 0.95)
    {
        ValidateLevel(level);
        if (!(auc >= 0 && auc <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(auc), auc, "An AUC lies in [0, 1].");
        }

        if (positives <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(positives), positives, "Needs at least one positive.");
        }

        if (negatives <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(negatives), negatives, "Needs at least one negative.");
        }

        var q1 = auc / (2 - auc);
        var q2 = 2 * auc * auc / (1 + auc);
        var variance = (auc * (1 - auc) + (positives - 1.0) * (q1 - auc * auc) + (negatives - 1.0) * (q2 - auc * auc))
                       / ((double)positives * negatives);
        var half = StandardNormal.Quantile(0.5 + level / 2) * Math.Sqrt(Math.Max(0, variance));
        return new ConfidenceInterval(auc, Math.Max(0, auc - half), Math.Min(1, auc + half), level);
    }

    private static void ValidateLevel(double level)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must lie strictly between 0 and 1 (e.g. 0.95).");
        }
    }
}
