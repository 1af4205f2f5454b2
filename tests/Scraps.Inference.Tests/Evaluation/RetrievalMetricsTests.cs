using Scraps.Inference.Evaluation;

namespace Scraps.Inference.Tests.Evaluation;

public sealed class RetrievalMetricsTests
{
    [Fact]
    public void Diagonal_is_matched_and_off_diagonal_is_mismatched()
    {
        // Matched: 0.9, 0.6, 0.4 ... the diagonal; the six off-diagonal entries are the mismatched pairs.
        float[,] scores =
        {
            { 0.9f, 0.7f, 0.1f },
            { 0.5f, 0.6f, 0.3f },
            { 0.2f, 0.0f, 0.4f },
        };
        var figures = RetrievalMetrics.Compute(scores);
        // Positives {0.9, 0.6, 0.4} vs negatives {0.7, 0.1, 0.5, 0.3, 0.2, 0.0}: 6 + 5 + 4 = 15 of 18 pairs.
        Assert.Equal(3, figures.BatchSize);
        Assert.Equal(15.0 / 18, figures.AucRoc, 12);
        var eer = BinaryScoreMetrics.EqualErrorRate([0.9f, 0.6f, 0.4f], [0.7f, 0.1f, 0.5f, 0.3f, 0.2f, 0.0f]);
        Assert.Equal(eer.Rate, figures.EqualErrorRate);
        Assert.Equal(eer.Threshold, figures.EerThreshold);
        Assert.Equal(1.0, figures.RecallAt1PhoneticToAcoustic, 12);
        // Column 1: 0.7 (row 0) beats the match 0.6.
        Assert.Equal(2.0 / 3, figures.RecallAt1AcousticToPhonetic, 12);
    }

    [Fact]
    public void A_perfect_matrix_scores_perfectly()
    {
        var scores = new float[8, 8];
        for (var i = 0; i < 8; i++)
        {
            scores[i, i] = 10;
        }

        var figures = RetrievalMetrics.Compute(scores);
        Assert.Equal(1.0, figures.AucRoc);
        Assert.Equal(0.0, figures.EqualErrorRate);
        Assert.Equal(5.0, figures.EerThreshold, 6);
        Assert.Equal(1.0, figures.RecallAt1PhoneticToAcoustic);
        Assert.Equal(1.0, figures.RecallAt1AcousticToPhonetic);
    }

    [Fact]
    public void Rejects_a_single_pair_and_non_finite_scores()
    {
        Assert.Contains("at least 2 x 2", Assert.Throws<ArgumentException>(() => RetrievalMetrics.Compute(new float[1, 1])).Message);
        var scores = new float[2, 2];
        scores[1, 0] = float.PositiveInfinity;
        Assert.Contains("[1, 0]", Assert.Throws<ArgumentException>(() => RetrievalMetrics.Compute(scores)).Message);
    }
}
