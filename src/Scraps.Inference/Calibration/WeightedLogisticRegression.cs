namespace Scraps.Inference.Calibration;

/// <summary>
/// Logistic regression P(y = 1 | x) = σ(w·x + b) over a few features, by damped Newton steps (IRLS) on the weighted
/// log-likelihood, with features standardised first and a small ridge on the weights so that separable data still
/// gives finite weights. Used for the verdict calibration (SCRAPS score + alignment figures), where the one-feature
/// <see cref="LogisticFitter"/> is not enough.
/// </summary>
internal static class WeightedLogisticRegression
{
    private const double Ridge = 1e-4;
    private const int MaxIterations = 100;

    /// <param name="samples">Features (all of the same length), label and weight of every sample.</param>
    /// <returns>Weights in the original feature units, and the bias.</returns>
    public static (double[] Weights, double Bias) Fit(IReadOnlyList<(double[] X, bool Y, double W)> samples)
    {
        if (samples.Count == 0 || !samples.Any(s => s.Y) || samples.All(s => s.Y))
        {
            throw new ArgumentException("logistic regression needs samples of both classes");
        }

        var k = samples[0].X.Length;
        if (samples.Any(s => s.X.Length != k || s.X.Any(v => !double.IsFinite(v)) || !(s.W > 0)))
        {
            throw new ArgumentException("every sample needs the same number of finite features and a positive weight");
        }

        var total = samples.Sum(s => s.W);
        var mean = new double[k];
        var std = new double[k];
        for (var j = 0; j < k; j++)
        {
            mean[j] = samples.Sum(s => s.W * s.X[j]) / total;
            std[j] = Math.Sqrt(samples.Sum(s => s.W * (s.X[j] - mean[j]) * (s.X[j] - mean[j])) / total);
            if (!(std[j] > 0))
            {
                std[j] = 1;
            }
        }
        var points = samples.Select(s => (X: s.X.Select((v, j) => (v - mean[j]) / std[j]).Append(1.0).ToArray(), Y: s.Y ? 1.0 : 0.0, W: s.W / total)).ToArray();
        var theta = new double[k + 1];
        var loss = Loss(points, theta, k);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var gradient = new double[k + 1];
            var hessian = new double[k + 1, k + 1];
            for (var j = 0; j < k; j++)
            {
                gradient[j] = Ridge * theta[j];
                hessian[j, j] = Ridge;
            }
            foreach (var (x, y, w) in points)
            {
                var p = LogisticFitter.Sigmoid(Dot(theta, x));
                var v = w * p * (1 - p);
                for (var a = 0; a <= k; a++)
                {
                    gradient[a] += w * (p - y) * x[a];
                    for (var b = 0; b <= k; b++)
                    {
                        hessian[a, b] += v * x[a] * x[b];
                    }
                }
            }
            var step = Solve(hessian, gradient);
            if (step is null)
            {
                break;
            }

            var scale = 1.0;
            double[] next;
            double nextLoss;
            do
            {
                next = theta.Select((t, j) => t - (scale * step[j])).ToArray();
                nextLoss = Loss(points, next, k);
                scale /= 2;
            }
            while (nextLoss > loss + 1e-15 && scale > 1e-8);
            var change = next.Zip(theta, (a, b) => Math.Abs(a - b)).Sum();
            (theta, loss) = (next, nextLoss);
            if (change < 1e-10)
            {
                break;
            }
        }
        var weights = Enumerable.Range(0, k).Select(j => theta[j] / std[j]).ToArray();
        var bias = theta[k] - Enumerable.Range(0, k).Sum(j => theta[j] * mean[j] / std[j]);
        return (weights, bias);
    }

    private static double Dot(double[] a, double[] b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    private static double Loss((double[] X, double Y, double W)[] points, double[] theta, int k)
    {
        var loss = 0.0;
        foreach (var (x, y, w) in points)
        {
            var z = Dot(theta, x);
            // log(1 + e^z) - y z, computed stably.
            loss += w * ((z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z))) - (y * z));
        }
        for (var j = 0; j < k; j++)
        {
            loss += 0.5 * Ridge * theta[j] * theta[j];
        }

        return loss;
    }

    /// <summary>Gaussian elimination with partial pivoting; null when singular.</summary>
    private static double[]? Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < n; r++)
            {
                if (Math.Abs(m[r, c]) > Math.Abs(m[pivot, c]))
                {
                    pivot = r;
                }
            }

            if (Math.Abs(m[pivot, c]) < 1e-300)
            {
                return null;
            }

            for (var j = 0; j < n; j++)
            {
                (m[c, j], m[pivot, j]) = (m[pivot, j], m[c, j]);
            }

            (x[c], x[pivot]) = (x[pivot], x[c]);
            for (var r = c + 1; r < n; r++)
            {
                var f = m[r, c] / m[c, c];
                for (var j = c; j < n; j++)
                {
                    m[r, j] -= f * m[c, j];
                }

                x[r] -= f * x[c];
            }
        }
        for (var c = n - 1; c >= 0; c--)
        {
            for (var j = c + 1; j < n; j++)
            {
                x[c] -= m[c, j] * x[j];
            }

            x[c] /= m[c, c];
        }
        return x;
    }
}
