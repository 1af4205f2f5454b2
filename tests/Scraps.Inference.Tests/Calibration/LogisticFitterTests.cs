using Scraps.Inference.Calibration;

namespace Scraps.Inference.Tests.Calibration;

public sealed class LogisticFitterTests
{
    [Fact]
    public void Fit_recovers_the_generating_logistic_model()
    {
        // Scores on a grid; the fraction of matched pairs at each score follows σ(2s - 1) exactly, with equal class
        // totals, so the balanced maximum-likelihood fit is a = 2, b = -1 (up to the tiny ridge).
        var matched = new List<float>();
        var mismatched = new List<float>();
        for (var s = -3.0; s <= 4.0; s += 0.25)
        {
            var p = 1 / (1 + Math.Exp(-((2 * s) - 1)));
            var positives = (int)Math.Round(p * 1000);
            matched.AddRange(Enumerable.Repeat((float)s, positives));
            mismatched.AddRange(Enumerable.Repeat((float)s, 1000 - positives));
        }

        // The grid is symmetric about s = 0.5, so both classes have (nearly) the same total and balancing is a no-op.
        var fit = LogisticFitter.Fit(matched.ToArray(), mismatched.ToArray());

        Assert.InRange(fit.A, 1.95, 2.05);
        Assert.InRange(fit.B, -1.05, -0.95);
    }

    [Fact]
    public void Fit_is_invariant_to_how_many_mismatched_pairs_there_are()
    {
        float[] matched = [2.0f, 2.5f, 1.0f, 3.0f, 0.5f];
        float[] mismatched = [0.0f, -1.0f, 1.5f, -0.5f, 0.2f];
        var once = LogisticFitter.Fit(matched, mismatched);
        var fourTimes = LogisticFitter.Fit(matched, [.. mismatched, .. mismatched, .. mismatched, .. mismatched]);

        Assert.Equal(once.A, fourTimes.A, 6);
        Assert.Equal(once.B, fourTimes.B, 6);
    }

    [Fact]
    public void Fit_stays_finite_on_perfectly_separated_scores_and_puts_half_probability_between_the_classes()
    {
        float[] matched = [10, 11, 12, 13];
        float[] mismatched = [-2, -1, 0, 1];

        var fit = LogisticFitter.Fit(matched, mismatched);

        Assert.True(double.IsFinite(fit.A) && fit.A > 0, $"slope {fit.A}");
        Assert.True(double.IsFinite(fit.B));
        var midpoint = -fit.B / fit.A;
        Assert.InRange(midpoint, 1, 10);
    }

    [Fact]
    public void Fit_reaches_a_stationary_point_of_the_regularised_loss()
    {
        float[] matched = [1.2f, 0.4f, 2.2f, 1.9f, -0.3f, 0.8f];
        float[] mismatched = [-0.5f, 0.1f, -1.7f, 0.9f, -0.2f, -1.1f, 0.3f];
        var fit = LogisticFitter.Fit(matched, mismatched);

        // Any small move away from the fitted (a, b) must not lower the loss.
        var points = Standardised(matched, mismatched, out var mean, out var std);
        var slope = fit.A * std;
        var intercept = fit.B + (fit.A * mean);
        var best = LogisticFitter.Loss(points, slope, intercept);
        foreach (var (ds, di) in new[] { (1e-4, 0.0), (-1e-4, 0.0), (0.0, 1e-4), (0.0, -1e-4) })
        {
            Assert.True(LogisticFitter.Loss(points, slope + ds, intercept + di) >= best - 1e-12);
        }
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(3, 0)]
    public void Fit_rejects_an_empty_class(int matchedCount, int mismatchedCount)
    {
        var e = Assert.Throws<ArgumentException>(() =>
            LogisticFitter.Fit(new float[matchedCount], new float[mismatchedCount]));
        Assert.Contains("matched and mismatched", e.Message);
    }

    [Fact]
    public void Fit_rejects_non_finite_scores()
    {
        Assert.Throws<ArgumentException>(() => LogisticFitter.Fit([1, float.NaN], [0]));
    }

    private static (double X, double Y, double W)[] Standardised(float[] matched, float[] mismatched, out double mean, out double std)
    {
        double wp = 0.5 / matched.Length, wn = 0.5 / mismatched.Length;
        var m = (wp * matched.Sum(x => (double)x)) + (wn * mismatched.Sum(x => (double)x));
        var s = Math.Sqrt((wp * matched.Sum(x => (x - m) * (x - m))) + (wn * mismatched.Sum(x => (x - m) * (x - m))));
        mean = m;
        std = s;
        return matched.Select(x => ((x - m) / s, 1.0, wp))
            .Concat(mismatched.Select(x => ((x - m) / s, 0.0, wn)))
            .ToArray();
    }
}
