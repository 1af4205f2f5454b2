using Scraps.Model.Training;

namespace Scraps.Model.Tests.Training;

public sealed class PairedAucTests
{
    [Fact]
    public void Matched_scores_above_every_near_miss_give_one_and_below_give_zero()
    {
        Assert.Equal(1.0, PairedAuc.Compute([3, 4], [1, 2]));
        Assert.Equal(0.0, PairedAuc.Compute([1, 2], [3, 4]));
    }

    [Fact]
    public void Ties_count_half_and_every_pair_counts_once()
    {
        // 2 beats 1 and ties 2 (1.5 of 3); 5 beats all three (3 of 3): 4.5 of 6 pairs.
        Assert.Equal(0.75, PairedAuc.Compute([2, 5], [1, 2, 3]), 12);
    }
}
