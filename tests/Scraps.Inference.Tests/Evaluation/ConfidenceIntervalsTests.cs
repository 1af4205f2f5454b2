using Scraps.Inference.Evaluation;

namespace Scraps.Inference.Tests.Evaluation;

public sealed class ConfidenceIntervalsTests
{
    [Fact]
    public void Wilson_matches_the_textbook_value()
    {
        // 81 of 263 at 95%: Wilson interval [0.2553, 0.3662] (Newcombe 1998, example values recomputed).
        var ci = ConfidenceIntervals.Wilson(81, 263);
        Assert.Equal(81.0 / 263, ci.Estimate, 12);
        Assert.Equal(0.2553, ci.Lower, 3);
        Assert.Equal(0.3662, ci.Upper, 3);
    }

    [Fact]
    public void Wilson_stays_inside_zero_and_one_at_the_extremes()
    {
        var all = ConfidenceIntervals.Wilson(10, 10);
        Assert.Equal(1, all.Upper, 12);
        Assert.Equal(10 / (10 + 1.959964 * 1.959964), all.Lower, 4);
        Assert.Equal(0, ConfidenceIntervals.Wilson(0, 10).Lower, 12);
    }

    [Fact]
    public void Mean_uses_the_student_t_quantile()
    {
        // Values 1..5: mean 3, sd sqrt(2.5), se sqrt(0.5); t(0.975, 4) = 2.7764.
        var ci = ConfidenceIntervals.Mean([1, 2, 3, 4, 5]);
        Assert.Equal(3, ci.Estimate, 12);
        Assert.Equal(2.7764 * Math.Sqrt(0.5), ci.HalfWidth, 2);
        Assert.Equal(ci.Estimate - ci.HalfWidth, ci.Lower, 12);
    }

    [Fact]
    public void Mean_of_one_value_is_that_value()
    {
        var ci = ConfidenceIntervals.Mean([0.8]);
        Assert.Equal((0.8, 0.8, 0.8), (ci.Estimate, ci.Lower, ci.Upper));
    }

    [Fact]
    public void HanleyMcNeil_matches_a_hand_computed_standard_error()
    {
        // A = 0.9 on 50 + 50: Q1 = 0.9 / 1.1 = 0.81818, Q2 = 1.62 / 1.9 = 0.85263;
        // SE^2 = (0.09 + 49 x 0.00818 + 49 x 0.04263) / 2500 = 0.0010320 -> SE = 0.032124.
        var ci = ConfidenceIntervals.HanleyMcNeil(0.9, 50, 50);
        Assert.Equal(0.9, ci.Estimate);
        Assert.Equal(1.959964 * 0.032124, ci.HalfWidth, 4);
    }

    [Fact]
    public void Rejects_bad_levels_and_counts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceIntervals.Wilson(1, 10, level: 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceIntervals.Wilson(11, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceIntervals.HanleyMcNeil(1.2, 5, 5));
        Assert.Throws<ArgumentException>(() => ConfidenceIntervals.Mean([]));
        Assert.Throws<ArgumentException>(() => ConfidenceIntervals.Mean([1, double.NaN]));
    }
}
