using Scraps.Audio;
using Scraps.Inference.Encoders;
using Scraps.Inference.Runtime;
using Scraps.Inference.Tests.Fixtures;

namespace Scraps.Inference.Tests.Encoders;

public sealed class OnnxAcousticEncoderTests(TestPackageFixture package) : IClassFixture<TestPackageFixture>
{
    [Fact]
    public void Encode_mixed_length_batch_equals_encoding_each_clip_alone()
    {
        using var model = ScrapsModel.Load(package.Folder);
        LogMel[] clips = [TestPackages.RandomFeatures(40, 1), TestPackages.RandomFeatures(1, 2), TestPackages.RandomFeatures(97, 3), TestPackages.RandomFeatures(8, 4)];

        var batched = model.Acoustic.Encode(clips, EncoderOutputs.Sequence);

        for (var i = 0; i < clips.Length; i++)
        {
            var alone = model.Acoustic.Encode([clips[i]], EncoderOutputs.Sequence)[0];
            Tolerance.AssertClose(alone.Embedding, batched[i].Embedding);
            Tolerance.AssertClose(alone.Sequence!, batched[i].Sequence!);
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(97, 49)]
    public void Encode_trims_sequences_to_the_subsampled_length(int frames, int steps)
    {
        using var model = ScrapsModel.Load(package.Folder);

        var output = model.Acoustic.Encode([TestPackages.RandomFeatures(frames, frames), TestPackages.RandomFeatures(120, 5)], EncoderOutputs.Sequence)[0];

        Assert.Equal(steps, output.SequenceSteps);
        Assert.Equal(steps * 16, output.Sequence!.Length);
    }

    [Fact]
    public void Encode_without_sequences_returns_only_vectors()
    {
        using var model = ScrapsModel.Load(package.Folder);

        var output = model.Acoustic.Encode([TestPackages.RandomFeatures(10, 1)])[0];

        Assert.Equal(12, output.Embedding.Length);
        Assert.Null(output.Sequence);
        Assert.Equal(0, output.SequenceSteps);
    }

    [Fact]
    public void Encode_rejects_a_clip_without_frames()
    {
        using var model = ScrapsModel.Load(package.Folder);

        var e = Assert.Throws<InferenceInputException>(() => model.Acoustic.Encode([TestPackages.RandomFeatures(3, 1), new LogMel([], 0)]));

        Assert.Contains("clip 1", e.Message);
    }

    [Fact]
    public void Encode_rejects_a_clip_longer_than_the_positional_table()
    {
        using var model = ScrapsModel.Load(package.Folder);

        var e = Assert.Throws<InferenceInputException>(() => model.Acoustic.Encode([TestPackages.RandomFeatures(1025, 1)]));

        Assert.Contains("at most 1024", e.Message);
    }

    [Fact]
    public void Encode_rejects_non_finite_features()
    {
        using var model = ScrapsModel.Load(package.Folder);
        var clip = TestPackages.RandomFeatures(4, 1);
        clip.Data[17] = float.NaN;

        var e = Assert.Throws<InferenceInputException>(() => model.Acoustic.Encode([clip]));

        Assert.Contains("non-finite", e.Message);
    }

    [Fact]
    public async Task Encode_is_safe_to_call_from_several_threads()
    {
        using var model = ScrapsModel.Load(package.Folder);
        var clips = Enumerable.Range(0, 8).Select(i => TestPackages.RandomFeatures(10 + (i * 7), i)).ToArray();
        var expected = model.Acoustic.Encode(clips);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => model.Acoustic.Encode([clips[i]])[0])));

        for (var i = 0; i < clips.Length; i++)
        {
            Tolerance.AssertClose(expected[i].Embedding, results[i].Embedding);
        }
    }
}
