using Scraps.Inference.Batching;
using Scraps.Inference.Encoders;
using Scraps.Inference.Runtime;
using Scraps.Inference.Tests.Fixtures;

namespace Scraps.Inference.Tests.Encoders;

public sealed class OnnxPhoneticEncoderTests(TestPackageFixture package) : IClassFixture<TestPackageFixture>
{
    [Fact]
    public void Encode_mixed_length_batch_equals_encoding_each_item_alone()
    {
        using var model = ScrapsModel.Load(package.Folder);
        long[][] items = [TestPackages.RandomPhonemes(7, 1), TestPackages.RandomPhonemes(1, 2), TestPackages.RandomPhonemes(30, 3), TestPackages.RandomPhonemes(12, 4)];

        var batched = model.Phonetic.Encode(items, EncoderOutputs.Sequence);

        for (var i = 0; i < items.Length; i++)
        {
            var alone = model.Phonetic.Encode([items[i]], EncoderOutputs.Sequence)[0];
            Tolerance.AssertClose(alone.Embedding, batched[i].Embedding);
            Assert.Equal(items[i].Length, batched[i].SequenceSteps);
            Assert.Equal(16, batched[i].SequenceDim);
            Tolerance.AssertClose(alone.Sequence!, batched[i].Sequence!);
        }
    }

    [Fact]
    public void Encode_split_into_several_runs_gives_the_same_results_in_the_callers_order()
    {
        long[][] items = Enumerable.Range(0, 9).Select(i => TestPackages.RandomPhonemes(3 + ((i * 5) % 11), 10 + i)).ToArray();
        using var whole = ScrapsModel.Load(package.Folder);
        using var split = ScrapsModel.Load(package.Folder, new ScrapsModelOptions { MaxBatchSize = 2, MaxBatchSteps = 20 });

        var expected = whole.Phonetic.Encode(items);
        var actual = split.Phonetic.Encode(items);

        for (var i = 0; i < items.Length; i++)
        {
            Tolerance.AssertClose(expected[i].Embedding, actual[i].Embedding);
            Assert.Null(actual[i].Sequence);
        }
    }

    [Fact]
    public void Encode_gives_different_vectors_for_different_sequences()
    {
        using var model = ScrapsModel.Load(package.Folder);

        var outputs = model.Phonetic.Encode([[1, 2, 3], [3, 2, 1]]);

        Assert.NotEqual(outputs[0].Embedding, outputs[1].Embedding);
        Assert.Equal(12, outputs[0].Embedding.Length);
    }

    [Theory]
    [InlineData(new long[0], "is empty")]
    [InlineData(new long[] { 1, 0, 2 }, "id 0")]
    public void Encode_rejects_bad_sequences_naming_the_item(long[] bad, string expected)
    {
        using var model = ScrapsModel.Load(package.Folder);

        var e = Assert.Throws<InferenceInputException>(() => model.Phonetic.Encode([[1, 2], bad]));

        Assert.Contains("sequence 1", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Encode_rejects_an_Id_beyond_the_inventory()
    {
        using var model = ScrapsModel.Load(package.Folder);

        var e = Assert.Throws<InferenceInputException>(() => model.Phonetic.Encode([[1, TestPackages.VocabSize]]));

        Assert.Contains($"id {TestPackages.VocabSize}", e.Message);
    }

    [Fact]
    public void Encode_rejects_a_sequence_longer_than_the_positional_table()
    {
        using var model = ScrapsModel.Load(package.Folder);

        var e = Assert.Throws<InferenceInputException>(() => model.Phonetic.Encode([TestPackages.RandomPhonemes(513, 1)]));

        Assert.Contains("at most 512", e.Message);
    }

    [Fact]
    public void EncodeBatch_through_the_batcher_interface_returns_one_output_per_input()
    {
        using var model = ScrapsModel.Load(package.Folder);
        IBatchEncoder<long[], EncoderOutput> encoder = model.Phonetic;

        var outputs = encoder.EncodeBatch([[1, 2], [3, 4, 5]], EncoderOutputs.Embedding, CancellationToken.None);

        Assert.Equal(2, outputs.Count);
        Assert.Equal(3, encoder.LengthOf([3, 4, 5]));
    }
}
