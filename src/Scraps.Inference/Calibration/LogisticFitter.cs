namespace Scraps.Inference.Calibration;

/// <summary>
/// One-feature logistic regression <c>P(match | s) = σ(a·s + b)</c> by Newton's method (IRLS) on the
/// class-balanced log-likelihood. Scores are standardised first and a small ridge on the slope keeps the
/// fit finite when the classes are perfectly separated.
/// </summary>
internal static class LogisticFitter
{
    /// <summary>Ridge on the slope of the standardised score (a weak prior: tiny against any real overlap).</summary>
    internal const double Ridge = 1e-5;
    private const int MaxIterations = 100;
    private const double Tolerance = 1e-10;

    public static LogisticFitResult Fit(ReadOnlySpan<float> matchedScores, ReadOnlySpan<float> mismatchedScores)
    {
        if (matchedScores.IsEmpty || mismatchedScores.IsEmpty)
        {
            throw new ArgumentException(
                $"calibration needs matched and mismatched scores, got {matchedScores.Length} matched and {mismatchedScores.Length} mismatched");
        }

        var matched = ToDoubles(matchedScores);
        var mismatched = ToDoubles(mismatchedScores);
        var all = matched.Concat(mismatched).ToArray();
        if (all.Any(s => !double.IsFinite(s)))
        {
            throw new ArgumentException("calibration scores must be finite numbers");
        }

        // Each class carries half the total weight, in the fit and in the standardisation, so repeating the
        // pairs of one class changes nothing.
        var positiveWeight = 0.5 / matched.Length;
        var negativeWeight = 0.5 / mismatched.Length;
        var mean = (positiveWeight * matched.Sum()) + (negativeWeight * mismatched.Sum());
        var variance = (positiveWeight * matched.Sum(s => (s - mean) * (s - mean)))
            + (negativeWeight * mismatched.Sum(s => (s - mean) * (s - mean)));
        var std = Math.Sqrt(variance);
        if (std <= 0 || !double.IsFinite(std))
        {
            std = 1;
        }

        var points = matched.Select(s => ((s - mean) / std, 1.0, positiveWeight))
            .Concat(mismatched.Select(s => ((s - mean) / std, 0.0, negativeWeight)))
            .ToArray();

        double slope = 0, intercept = 0;
        var loss = Loss(points, slope, intercept);
        var iterations = 0;
        while (iterations < MaxIterations)
        {
            iterations++;
            double gSlope = Ridge * slope, gIntercept = 0, hSS = Ridge, hSI = 0, hII = 0;
            foreach (var (x, y, w) in points)
            {
                var p = Sigmoid((slope * x) + intercept);
                var r = w * (p - y);
                gSlope += r * x;
                gIntercept += r;
                var v = w * p * (1 - p);
                hSS += v * x * x;
                hSI += v * x;
                hII += v;
            }

            var det = (hSS * hII) - (hSI * hSI);
            if (det <= 1e-300)
            {
                break;
            }

            var stepSlope = ((hII * gSlope) - (hSI * gIntercept)) / det;
            var stepIntercept = ((hSS * gIntercept) - (hSI * gSlope)) / det;

            // Damped Newton: halve the step until the loss does not increase.
            var scale = 1.0;
            double newSlope, newIntercept, newLoss;
            do
            {
                newSlope = slope - (scale * stepSlope);
                newIntercept = intercept - (scale * stepIntercept);
                newLoss = Loss(points, newSlope, newIntercept);
                scale /= 2;
            }
            while (newLoss > loss + 1e-15 && scale > 1e-8);

            var change = Math.Abs(newSlope - slope) + Math.Abs(newIntercept - intercept);
            (slope, intercept, loss) = (newSlope, newIntercept, newLoss);
            if (change < Tolerance)
            {
                break;
            }
        }

        // Undo the standardisation: a·s + b = slope·(s - mean)/std + intercept.
        var a = slope / std;
        var b = intercept - (slope * mean / std);
        return new LogisticFitResult(a, b, iterations);
    }

    /// <summary>Weighted negative log-likelihood plus the ridge term.</summary>
    internal static double Loss((double X, double Y, double W)[] points, double slope, double intercept)
    {
        var sum = 0.5 * Ridge * slope * slope;
        foreach (var (x, y, w) in points)
        {
            var z = (slope * x) + intercept;

            // log(1 + e^z) - y·z, computed without overflow.
            var softplus = z > 0 ? z + double.LogP1(Math.Exp(-z)) : double.LogP1(Math.Exp(z));
            sum += w * (softplus - (y * z));
        }

        return sum;
    }

    private static double[] ToDoubles(ReadOnlySpan<float> scores)
    {
        var result = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            result[i] = scores[i];
        }

        return result;
    }

    /// <summary>The logistic function, without overflow for large |z|; every calibration of the package evaluates it here.</summary>
    internal static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}

internal readonly record struct LogisticFitResult(double A, double B, int Iterations);
