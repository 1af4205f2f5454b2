using Scraps.Model.Training;

namespace Scraps.Model.Tests.Training;

public sealed class ValidationSetTests
{
    private static TrainingOptions Options(int size, int batches) =>
        new() { Config = TrainingTestConfigs.Tiny(40), ValidationBatchSize = size, ValidationBatches = batches, Seed = 3 };

    private static TrainingUtterance[] Valid(int count, int sentences) =>
        Enumerable.Range(0, count).Select(i => new TrainingUtterance(i, $"u{i}", "v", 10 + i % 7, [1 + i % sentences, 2])).ToArray();

    [Fact]
    public void Draws_fixed_random_minibatches_of_distinct_transcripts_sorted_by_length()
    {
        var valid = Valid(60, sentences: 30);
        var batches = ValidationSet.Draw(valid, Options(8, 3));
        Assert.Equal(3, batches.Count);
        Assert.All(batches, b =>
        {
            Assert.Equal(8, b.Length);
            Assert.Equal(8, b.Select(u => u.PhonemeIds[0]).Distinct().Count());
            Assert.Equal(b.OrderBy(u => u.Frames).ThenBy(u => u.Index), b);
        });
        Assert.NotEqual(batches[0].Select(u => u.Index), batches[1].Select(u => u.Index));
        Assert.Equal(batches.Select(b => b.Select(u => u.Index).ToArray()), ValidationSet.Draw(valid, Options(8, 3)).Select(b => b.Select(u => u.Index).ToArray()));
    }

    [Fact]
    public void A_split_no_larger_than_a_batch_is_one_batch_of_every_transcript()
    {
        var batches = ValidationSet.Draw(Valid(12, sentences: 5), Options(128, 4));
        Assert.Single(batches);
        Assert.Equal(5, batches[0].Length);
    }

    [Fact]
    public void Fewer_than_two_transcripts_give_no_validation()
    {
        Assert.Empty(ValidationSet.Draw(Valid(3, sentences: 1), Options(8, 2)));
        Assert.Empty(ValidationSet.Draw([], Options(8, 2)));
    }
}
