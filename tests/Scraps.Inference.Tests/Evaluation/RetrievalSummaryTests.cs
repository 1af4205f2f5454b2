using Scraps.Inference.Evaluation;

namespace Scraps.Inference.Tests.Evaluation;

public sealed class RetrievalSummaryTests
{
    [Fact]
    public void Aggregate_means_each_figure_over_batches_with_an_interval()
    {
        RetrievalFigures[] batches =
        [
            new(128, 0.90, 0.20, 1.0, 0.50, 0.40),
            new(128, 0.94, 0.10, 2.0, 0.70, 0.60),
            new(100, 0.92, 0.15, 3.0, 0.60, 0.50),
        ];
        var summary = RetrievalSummary.Aggregate(batches);
        Assert.Equal(3, summary.Batches);
        Assert.Equal(356, summary.Pairs);
        Assert.Equal(0.92, summary.AucRoc.Estimate, 12);
        Assert.Equal(0.15, summary.EqualErrorRate.Estimate, 12);
        Assert.Equal(2.0, summary.EerThreshold.Estimate, 12);
        Assert.Equal(0.60, summary.RecallAt1PhoneticToAcoustic.Estimate, 12);
        Assert.Equal(0.50, summary.RecallAt1AcousticToPhonetic.Estimate, 12);
        // sd 0.1, se 0.1 / sqrt(3), t(0.975, 2) = 4.3027.
        Assert.Equal(4.3027 * 0.1 / Math.Sqrt(3), summary.RecallAt1PhoneticToAcoustic.HalfWidth, 3);
    }

    [Fact]
    public void Aggregate_rejects_no_batches()
    {
        Assert.Throws<ArgumentException>(() => RetrievalSummary.Aggregate([]));
    }
}
