using Scraps.Inference.Evaluation;

namespace Scraps.Inference.Tests.Evaluation;

public sealed class BinaryScoreMetricsTests
{
    // Hand-worked case: positives {0.9, 0.6, 0.4}, negatives {0.7, 0.5, 0.3, 0.1}.
    // Pairs won by the positive: 0.9 beats 4, 0.6 beats 3, 0.4 beats 2 -> 9 of 12.
    private static readonly float[] Positives = [0.9f, 0.6f, 0.4f];
    private static readonly float[] Negatives = [0.7f, 0.5f, 0.3f, 0.1f];

    [Fact]
    public void AucRoc_counts_pairs_won_by_the_positive()
    {
        Assert.Equal(0.75, BinaryScoreMetrics.AucRoc(Positives, Negatives), 12);
    }

    [Fact]
    public void AucRoc_counts_a_tie_as_one_half()
    {
        // (0.5 vs 0.5) twice = 2 x 0.5, (0.5 vs 0.2) twice = 2 -> 3 of 4.
        Assert.Equal(0.75, BinaryScoreMetrics.AucRoc([0.5f, 0.5f], [0.5f, 0.2f]), 12);
        Assert.Equal(0.5, BinaryScoreMetrics.AucRoc([1f, 1f, 1f], [1f, 1f]), 12);
    }

    [Fact]
    public void AucRoc_is_one_for_separated_and_zero_for_reversed_scores()
    {
        Assert.Equal(1.0, BinaryScoreMetrics.AucRoc([3f, 4f], [1f, 2f]), 12);
        Assert.Equal(0.0, BinaryScoreMetrics.AucRoc([1f, 2f], [3f, 4f]), 12);
    }

    [Fact]
    public void AucRoc_matches_the_pairwise_definition_on_random_scores_with_ties()
    {
        var random = new Random(7);
        var pos = Enumerable.Range(0, 60).Select(_ => (float)random.Next(20)).ToArray();
        var neg = Enumerable.Range(0, 90).Select(_ => (float)random.Next(15)).ToArray();
        double wins = 0;
        foreach (var p in pos)
        {
            foreach (var n in neg)
            {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }

        Assert.Equal(wins / (pos.Length * neg.Length), BinaryScoreMetrics.AucRoc(pos, neg), 12);
    }

    [Fact]
    public void EqualErrorRate_interpolates_where_the_rates_cross()
    {
        // At t = 0.5: FRR 1/3, FAR 2/4 (gap +1/6); at t = 0.6: FRR 1/3, FAR 1/4 (gap -1/12).
        // alpha = (1/6) / (1/6 + 1/12) = 2/3 -> EER = 1/3, threshold = 0.5 + 2/3 x 0.1.
        var eer = BinaryScoreMetrics.EqualErrorRate(Positives, Negatives);
        Assert.Equal(1.0 / 3, eer.Rate, 6);
        Assert.Equal(0.5 + 0.1 * 2 / 3, eer.Threshold, 6);
    }

    [Fact]
    public void EqualErrorRate_is_zero_with_the_threshold_between_separated_classes()
    {
        var eer = BinaryScoreMetrics.EqualErrorRate([5f, 6f, 7f], [1f, 2f, 3f]);
        Assert.Equal(0, eer.Rate, 12);
        Assert.Equal(4, eer.Threshold, 6);
    }

    [Fact]
    public void EqualErrorRate_is_one_half_when_every_score_is_equal()
    {
        // One threshold: accept all (FAR 1, FRR 0) or accept nothing (FAR 0, FRR 1); the segment crosses at 0.5.
        var eer = BinaryScoreMetrics.EqualErrorRate([2f, 2f], [2f, 2f, 2f]);
        Assert.Equal(0.5, eer.Rate, 12);
        Assert.InRange(eer.Threshold, 2, 2.000001);
    }

    [Fact]
    public void EqualErrorRate_is_one_for_reversed_scores()
    {
        var eer = BinaryScoreMetrics.EqualErrorRate([1f, 2f], [3f, 4f]);
        Assert.Equal(1, eer.Rate, 12);
    }

    [Fact]
    public void EqualErrorRate_rate_is_where_far_equals_frr_at_the_threshold_for_a_large_case()
    {
        var random = new Random(3);
        var pos = Enumerable.Range(0, 2000).Select(_ => (float)(random.NextDouble() + 0.6)).ToArray();
        var neg = Enumerable.Range(0, 2000).Select(_ => (float)random.NextDouble()).ToArray();
        var eer = BinaryScoreMetrics.EqualErrorRate(pos, neg);
        var far = neg.Count(s => s >= eer.Threshold) / 2000.0;
        var frr = pos.Count(s => s < eer.Threshold) / 2000.0;
        // Two uniform distributions offset by 0.6 cross at 0.8 with EER 0.2.
        Assert.Equal(0.2, eer.Rate, 1);
        Assert.Equal(0.8, eer.Threshold, 1);
        Assert.True(Math.Abs(far - eer.Rate) < 0.002 && Math.Abs(frr - eer.Rate) < 0.002, $"far {far} frr {frr} eer {eer.Rate}");
    }

    [Fact]
    public void Rejects_empty_and_non_finite_scores()
    {
        var e = Assert.Throws<ArgumentException>(() => BinaryScoreMetrics.AucRoc([], [1f]));
        Assert.Contains("positives", e.Message);
        e = Assert.Throws<ArgumentException>(() => BinaryScoreMetrics.EqualErrorRate([1f], [0f, float.NaN]));
        Assert.Contains("index 1", e.Message);
    }
}
