using Scraps.Inference.Calibration;

namespace Scraps.Inference.Tests.Calibration;

public sealed class ScoreCalibrationTests
{
    [Fact]
    public void Probability_is_the_logistic_of_the_affine_score()
    {
        var calibration = new ScoreCalibration(A: 0.5, B: -2, Threshold: 4);

        Assert.Equal(0.5, calibration.Probability(4), 12);
        Assert.Equal(1 / (1 + Math.Exp(-3)), calibration.Probability(10), 12);
        Assert.Equal(1 / (1 + Math.Exp(7)), calibration.Probability(-10), 12);
    }

    [Fact]
    public void Probability_does_not_overflow_for_extreme_scores()
    {
        var calibration = new ScoreCalibration(A: 1, B: 0, Threshold: 0);

        Assert.Equal(1.0, calibration.Probability(1e6));
        Assert.Equal(0.0, calibration.Probability(-1e6));
    }

    [Fact]
    public void IsMatch_accepts_scores_at_or_above_the_threshold()
    {
        var calibration = new ScoreCalibration(1, 0, Threshold: 2.5);

        Assert.True(calibration.IsMatch(2.5));
        Assert.True(calibration.IsMatch(3));
        Assert.False(calibration.IsMatch(2.4999));
    }

    [Fact]
    public void Fit_puts_the_threshold_at_the_equal_error_point()
    {
        // Separated classes: the equal-error threshold is the middle of the gap, and the EER is zero.
        float[] matched = [5, 6, 7, 8];
        float[] mismatched = [-1, 0, 1, 2, 3];

        var fit = ScoreCalibration.Fit(matched, mismatched);

        Assert.Equal(0, fit.EqualErrorRate, 12);
        Assert.Equal(4, fit.Calibration.Threshold, 6);
        Assert.True(fit.Calibration.Probability(8) > 0.9);
        Assert.True(fit.Calibration.Probability(-1) < 0.1);
    }

    [Fact]
    public void Fit_on_overlapping_classes_gives_the_equal_error_rate()
    {
        // One matched score sits among the mismatched ones and vice versa: 1 of 4 errors on each side at the crossing.
        float[] matched = [0.5f, 3, 4, 5];
        float[] mismatched = [-2, -1, 0, 3.5f];

        var fit = ScoreCalibration.Fit(matched, mismatched);

        Assert.Equal(0.25, fit.EqualErrorRate, 6);
        Assert.InRange(fit.Calibration.Threshold, 0.5, 3.0);
        Assert.True(fit.Calibration.A > 0);
    }

    [Fact]
    public void ToInfo_writes_the_logistic_kind()
    {
        var info = new ScoreCalibration(0.25, 1.5, 3).ToInfo();

        Assert.Equal("logistic", info.Kind);
        Assert.Equal(0.25, info.A);
        Assert.Equal(1.5, info.B);
    }
}
