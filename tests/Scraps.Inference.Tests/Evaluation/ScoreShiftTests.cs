using Scraps.Inference.Evaluation;

namespace Scraps.Inference.Tests.Evaluation;

public class ScoreShiftTests
{
    [Fact]
    public void Counts_drops_and_lifts_and_ties_as_neither()
    {
        float[] clean = [1, 2, 3, 4, 5];
        float[] corrupted = [0.5f, 2, 3.5f, 3, 4];

        var shift = ScoreShift.Measure(clean, corrupted);

        Assert.Equal(5, shift.Pairs);
        Assert.Equal(3, shift.Drops);
        Assert.Equal(1, shift.Lifts);
        Assert.Equal(0.6, shift.DropRate.Estimate, 12);
        Assert.Equal(0.2, shift.LiftRate.Estimate, 12);
    }

    [Fact]
    public void Intervals_are_the_wilson_intervals_of_the_counts()
    {
        var clean = Enumerable.Repeat(1f, 100).ToArray();
        var corrupted = Enumerable.Range(0, 100).Select(i => i < 91 ? 0f : 2f).ToArray();

        var shift = ScoreShift.Measure(clean, corrupted);

        Assert.Equal(ConfidenceIntervals.Wilson(91, 100), shift.DropRate);
        Assert.Equal(ConfidenceIntervals.Wilson(9, 100), shift.LiftRate);
        Assert.InRange(shift.DropRate.Lower, 0.83, 0.84); // Wilson 95% of 91/100: [0.8377, 0.9519]
        Assert.InRange(shift.DropRate.Upper, 0.95, 0.96);
    }

    [Fact]
    public void Rejects_unpaired_empty_or_non_finite_scores()
    {
        Assert.Throws<ArgumentException>(() => ScoreShift.Measure([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => ScoreShift.Measure([], []));
        var error = Assert.Throws<ArgumentException>(() => ScoreShift.Measure([1, 2], [1, float.NaN]));
        Assert.Contains("Pair 1", error.Message, StringComparison.Ordinal);
    }
}
