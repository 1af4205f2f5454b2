using Scraps.Inference.Encoders;

namespace Scraps.Inference.Tests.Encoders;

public sealed class BatchPlannerTests
{
    [Fact]
    public void Plan_sorts_longest_first_and_keeps_every_index_once()
    {
        var runs = BatchPlanner.Plan([3, 9, 1, 9, 5], maxItems: 10, maxSteps: 1000);

        Assert.Equal([[1, 3, 4, 0, 2]], runs);
    }

    [Fact]
    public void Plan_cuts_runs_at_the_item_limit()
    {
        var runs = BatchPlanner.Plan([1, 2, 3, 4, 5], maxItems: 2, maxSteps: 1000);

        Assert.Equal([[4, 3], [2, 1], [0]], runs);
    }

    [Fact]
    public void Plan_cuts_runs_at_the_padded_step_budget()
    {
        // Longest 10: two items pad to 20 steps (fits 25), three would need 30.
        var runs = BatchPlanner.Plan([10, 8, 7, 2], maxItems: 10, maxSteps: 25);

        Assert.Equal([[0, 1], [2, 3]], runs);
    }

    [Fact]
    public void Plan_gives_an_item_longer_than_the_budget_a_run_of_its_own()
    {
        var runs = BatchPlanner.Plan([50, 1], maxItems: 10, maxSteps: 25);

        Assert.Equal([[0], [1]], runs);
    }

    [Fact]
    public void Plan_of_nothing_is_no_run()
    {
        Assert.Empty(BatchPlanner.Plan([], 4, 100));
    }
}
