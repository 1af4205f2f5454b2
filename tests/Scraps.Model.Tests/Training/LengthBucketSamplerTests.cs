using Scraps.Model.Training;

namespace Scraps.Model.Tests.Training;

public sealed class LengthBucketSamplerTests
{
    private static TrainingOptions Options(int batch, int maxFrames = 0, long seed = 1) =>
        new() { Config = TrainingTestConfigs.Tiny(12), BatchSize = batch, MaxFramesPerBatch = maxFrames, MaxClipFrames = 1000, Seed = seed };

    [Fact]
    public void An_epoch_uses_every_utterance_exactly_once()
    {
        var utterances = TrainingTestData.Lengths(Enumerable.Range(0, 103).Select(i => 10 + (i * 37 % 90)).ToArray());
        var batches = new LengthBucketSampler(utterances, Options(8)).Epoch(0);
        Assert.Equal(Enumerable.Range(0, 103), batches.SelectMany(b => b).Order());
        Assert.All(batches, b => Assert.InRange(b.Length, 2, 8));
    }

    [Fact]
    public void The_order_is_a_function_of_seed_and_epoch()
    {
        var utterances = TrainingTestData.Lengths(Enumerable.Range(0, 50).Select(i => 10 + i).ToArray());
        var a = new LengthBucketSampler(utterances, Options(8));
        var b = new LengthBucketSampler(utterances, Options(8));
        Assert.Equal(a.Epoch(3), b.Epoch(3));
        Assert.NotEqual(a.Epoch(3), a.Epoch(4));
        Assert.NotEqual(a.Epoch(3), new LengthBucketSampler(utterances, Options(8, seed: 2)).Epoch(3));
    }

    [Fact]
    public void Batches_hold_similar_lengths_within_a_pool()
    {
        // One pool (40 items < 8 x 32): sorted by length, so each batch spans a narrow length range.
        var utterances = TrainingTestData.Lengths(Enumerable.Range(0, 40).Select(i => 100 + i * 10).ToArray());
        var batches = new LengthBucketSampler(utterances, Options(8)).Epoch(0);
        Assert.All(batches, b => Assert.True(b.Max() - b.Min() == b.Length - 1, $"batch {string.Join(",", b)} is not contiguous in length"));
    }

    [Fact]
    public void The_padded_frame_budget_shrinks_batches_of_long_clips()
    {
        var utterances = TrainingTestData.Lengths([.. Enumerable.Repeat(100, 16), .. Enumerable.Repeat(1000, 16)]);
        var batches = new LengthBucketSampler(utterances, Options(8, maxFrames: 2000)).Epoch(0);
        foreach (var batch in batches)
        {
            Assert.True(batch.Length * batch.Max(i => utterances[i].Frames) <= 2000, $"batch of {batch.Length} over budget");
        }

        Assert.Contains(batches, b => b.Length == 8);
        Assert.Contains(batches, b => b.Length == 2);
    }

    [Fact]
    public void The_same_transcript_never_appears_twice_in_a_batch()
    {
        // Ten sentences read by four voices each.
        var utterances = Enumerable.Range(0, 40)
            .Select(i => new TrainingUtterance(i, $"u{i}", $"v{i / 10}", 50 + i % 10, [1 + i % 10, 2]))
            .ToArray();
        var batches = new LengthBucketSampler(utterances, Options(8)).Epoch(0);
        Assert.Equal(40, batches.Sum(b => b.Length));
        Assert.All(batches, b => Assert.Equal(b.Length, b.Select(i => i % 10).Distinct().Count()));
    }

    [Fact]
    public void A_pool_is_cut_into_equal_batches()
    {
        var utterances = TrainingTestData.Lengths(Enumerable.Range(0, 34).Select(i => 10 + i).ToArray());
        var sizes = new LengthBucketSampler(utterances, Options(16)).Epoch(0).Select(b => b.Length).Order();
        Assert.Equal([10, 12, 12], sizes);
    }

    [Fact]
    public void Take_walks_through_epochs()
    {
        var utterances = TrainingTestData.Lengths(10, 11, 12, 13, 14, 15);
        var sampler = new LengthBucketSampler(utterances, Options(2));
        var position = new DataPosition(0, 0);
        var seen = new List<int[]>();
        for (var i = 0; i < 3; i++)
        {
            (var batch, position) = sampler.Take(position);
            seen.Add(batch);
        }
        Assert.Equal(new DataPosition(1, 0), position);
        Assert.Equal(sampler.Epoch(0), seen);
        Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Take(new DataPosition(0, 3)));
    }

    [Fact]
    public void Rejects_data_that_cannot_form_a_contrastive_batch()
    {
        Assert.Throws<ArgumentException>(() => new LengthBucketSampler(TrainingTestData.Lengths(10), Options(2)));
        var same = new[] { new TrainingUtterance(0, "a", "v", 10, [1]), new TrainingUtterance(1, "b", "w", 12, [1]) };
        Assert.Contains("same phonemes", Assert.Throws<ArgumentException>(() => new LengthBucketSampler(same, Options(2))).Message);
    }
}
