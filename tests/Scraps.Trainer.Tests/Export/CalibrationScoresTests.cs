using Scraps.Data;
using Scraps.Inference.Runtime;
using Scraps.Model.Runtime;
using Scraps.Trainer.Export;

namespace Scraps.Trainer.Tests.Export;

[Collection(ExportCollection.Name)]
public sealed class CalibrationScoresTests(ExportFixture fixture)
{
    [Fact]
    public void Mismatched_pairs_stay_inside_minibatches_and_skip_clips_of_the_same_sentence()
    {
        var output = fixture.NewFolder("scores");
        var checkpoint = ExportCheckpointLocator.Resolve(fixture.Run, null);
        TorchRuntime.Initialize(new TorchRuntimeOptions { Device = "cpu" });
        new PackageExporter(TextWriter.Null).Export(checkpoint, new ExportSettings
        {
            CachePath = fixture.Cache,
            OutPath = output,
            CalibrationPairs = 4,
            ParityItems = 1,
            Threads = 1,
        });
        using var model = ScrapsModel.Load(output);
        using var cache = FeatureCache.Open(fixture.Cache);
        var clips = CalibrationClips.Select(cache, DataSplits.Valid, 1000, checkpoint.State.Options.Config, 1600, seed: 3);
        const int minibatch = 8;

        var scores = CalibrationScores.Compute(model, cache, clips, minibatch, CancellationToken.None);

        var expected = 0;
        var sameSentence = 0;
        for (var i = 0; i < clips.Count; i++)
        {
            for (var j = i / minibatch * minibatch; j < Math.Min((i / minibatch * minibatch) + minibatch, clips.Count); j++)
            {
                var same = clips[i].PhonemeIds.SequenceEqual(clips[j].PhonemeIds);
                expected += j != i && !same ? 1 : 0;
                sameSentence += j != i && same ? 1 : 0;
            }
        }

        Assert.Equal(clips.Count, scores.Matched.Length);
        Assert.Equal(expected, scores.Mismatched.Length);
        Assert.True(sameSentence > 0, "the fixture's held-out clips should share sentences inside a minibatch");
        var vectors = model.Acoustic.Encode([CalibrationScores.ReadFeatures(cache, clips[0])])[0].Embedding;
        var phonetic = model.Phonetic.Encode([Array.ConvertAll(clips[0].PhonemeIds, id => (long)id)])[0].Embedding;
        Assert.Equal(vectors.Zip(phonetic, (a, b) => (double)a * b).Sum(), scores.Matched[0], 3);
        Assert.True(scores.Matched.Average() > scores.Mismatched.Average(), $"matched {scores.Matched.Average()} vs mismatched {scores.Mismatched.Average()}");
    }

    [Fact]
    public void Calibration_clips_are_a_seeded_sample_of_usable_held_out_clips()
    {
        using var cache = FeatureCache.Open(fixture.Cache);
        var config = ExportCheckpointLocator.Resolve(fixture.Run, null).State.Options.Config;
        var valid = cache.InSplit(DataSplits.Valid);

        var first = CalibrationClips.Select(cache, DataSplits.Valid, 10, config, 1600, seed: 1);
        var again = CalibrationClips.Select(cache, DataSplits.Valid, 10, config, 1600, seed: 1);
        var shortOnly = CalibrationClips.Select(cache, DataSplits.Valid, 1000, config, maxClipFrames: valid.Select(c => c.Frames).Order().ElementAt(valid.Count / 2), seed: 1);

        Assert.Equal(10, first.Count);
        Assert.Equal(first.Select(c => c.Id), again.Select(c => c.Id));
        Assert.All(first, c => Assert.Equal(DataSplits.Valid, c.Split));
        Assert.InRange(shortOnly.Count, 2, valid.Count - 1);
        Assert.Throws<ArgumentException>(() => CalibrationClips.Select(cache, DataSplits.Test, 10, config, 1600, seed: 1));
    }
}
