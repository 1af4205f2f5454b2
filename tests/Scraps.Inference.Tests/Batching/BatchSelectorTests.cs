using Scraps.Inference.Batching;
using Scraps.Inference.Encoders;

namespace Scraps.Inference.Tests.Batching;

public sealed class BatchSelectorTests
{
    [Fact]
    public void The_whole_window_is_taken_sorted_when_it_fits()
    {
        var window = Window(30, 10, 20);

        var batch = BatchSelector.Take(window, Limits(maxBatchSize: 8, budget: 1000));

        Assert.Equal([10, 20, 30], batch.Select(i => i.Length));
        Assert.Empty(window);
    }

    [Fact]
    public void The_oldest_item_is_always_taken_with_its_nearest_lengths()
    {
        var window = Window(50, 5, 48, 100, 52, 6);

        var batch = BatchSelector.Take(window, Limits(maxBatchSize: 3, budget: 1000));

        Assert.Equal([48, 50, 52], batch.Select(i => i.Length));
        Assert.Equal([5, 100, 6], window.Select(i => i.Length));
    }

    [Fact]
    public void The_padded_budget_stops_the_batch_before_the_size_limit()
    {
        var window = Window(40, 40, 40, 40);

        var batch = BatchSelector.Take(window, Limits(maxBatchSize: 8, budget: 100));

        Assert.Equal(2, batch.Count);
        Assert.Equal(2, window.Count);
    }

    [Fact]
    public void A_shorter_item_is_added_when_a_longer_one_would_break_the_budget()
    {
        var window = Window(40, 90, 30);

        var batch = BatchSelector.Take(window, Limits(maxBatchSize: 8, budget: 100));

        Assert.Equal([30, 40], batch.Select(i => i.Length));
        Assert.Equal([90], window.Select(i => i.Length));
    }

    [Fact]
    public void An_item_longer_than_the_budget_runs_alone()
    {
        var window = Window(500, 10);

        var batch = BatchSelector.Take(window, Limits(maxBatchSize: 8, budget: 100));

        Assert.Equal([500], batch.Select(i => i.Length));
    }

    [Fact]
    public void Full_means_the_size_limit_or_the_padded_budget_is_reached()
    {
        Assert.False(BatchSelector.IsFull(Window(10, 20), Limits(maxBatchSize: 3, budget: 100)));
        Assert.True(BatchSelector.IsFull(Window(10, 20, 5), Limits(maxBatchSize: 3, budget: 100)));
        Assert.True(BatchSelector.IsFull(Window(10, 50), Limits(maxBatchSize: 3, budget: 100)));
    }

    [Fact]
    public void An_empty_window_gives_an_empty_batch()
    {
        Assert.Empty(BatchSelector.Take(Window(), Limits(maxBatchSize: 3, budget: 100)));
    }

    private static BatcherLimits Limits(int maxBatchSize, int budget) => new(maxBatchSize, budget, TimeSpan.Zero, 100);

    private static List<BatchItem<int, int>> Window(params int[] lengths) =>
        lengths.Select((length, i) => new BatchItem<int, int>(i, length, EncoderOutputs.Embedding, i, 0, default)).ToList();
}
