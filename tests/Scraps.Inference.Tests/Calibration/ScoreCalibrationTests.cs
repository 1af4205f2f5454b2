using Scraps.Inference.Calibration;

namespace Scraps.Inference.Tests.Calibration;

public sealed class ScoreCalibrationTests
{
    [Fact]
    public void Probability_IsTheLogisticOfTheAffineScore()
    {
        var calibration = new ScoreCalibration(A: 0.5, B: -2, Threshold: 4);

        Assert.Equal(0.5, calibration.Probability(4), 12);
        Assert.Equal(1 / (1 + Math.Exp(-3)), calibration.Probability(10), 12);
        Assert.Equal(1 / (1 + Math.Exp(7)), calibration.Probability(-10), 12);
    }

    [Fact]
    public void Probability_DoesNotOverflowForExtremeScores()
    {
        var calibration = new ScoreCalibration(A: 1, B: 0, Threshold: 0);

        Assert.Equal(1.0, calibration.Probability(1e6));
        Assert.Equal(0.0, calibration.Probability(-1e6));
    }

    [Fact]
    public void IsMatch_AcceptsScoresAtOrAboveTheThreshold()
    {
        var calibration = new ScoreCalibration(1, 0, Threshold: 2.5);

        Assert.True(calibration.IsMatch(2.5));
        Assert.True(calibration.IsMatch(3));
        Assert.False(calibration.IsMatch(2.4999));
    }

    [Fact]
    public void Fit_PutsTheThresholdAtTheEqualErrorPoint()
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
    public void Fit_OnOverlappingClasses_GivesTheEqualErrorRate()
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
    public void ToInfo_WritesTheLogisticKind()
    {
        var info = new ScoreCalibration(0.25, 1.5, 3).ToInfo();

        Assert.Equal("logistic", info.Kind);
        Assert.Equal(0.25, info.A);
        Assert.Equal(1.5, info.B);
    }
}
