using Scraps.Data;
using Scraps.Model.Training;

namespace Scraps.Model.Tests.Training;

public sealed class FeatureCacheTrainingDataTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("scraps-ftd-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Splits_the_cache_and_reads_standardised_features()
    {
        // Three utterances in one shard: 2, 3 and 1 frames, every raw value 2.0; mean 1, std 0.5 -> standardised 2.0.
        int[] frames = [2, 3, 1];
        string[] splits = [DataSplits.Train, DataSplits.Valid, DataSplits.Train];
        var values = frames.Sum() * FeatureCache.MelBins;
        File.WriteAllBytes(Path.Combine(_directory, "shard-00000.f16"),
            Enumerable.Repeat((Half)2f, values).SelectMany(h => BitConverter.GetBytes(h)).ToArray());
        var offset = 0L;
        var records = frames.Select((f, i) =>
        {
            var r = new CacheUtteranceRecord($"u{i}", splits[i], $"v{i}", f, 0, offset, [i + 1, 7], $"text {i}");
            offset += f * FeatureCache.MelBins;
            return r;
        }).ToList();
        var index = new CacheIndexRecord(1, FeatureCache.MelBins, "key", "inv-9", "m.jsonl",
            Enumerable.Repeat(1f, FeatureCache.MelBins).ToArray(), Enumerable.Repeat(0.5f, FeatureCache.MelBins).ToArray(),
            2, 3, ["shard-00000.f16"], records, []);
        using var cache = FeatureCache.FromIndex(_directory, index, "test index");

        var data = new FeatureCacheTrainingData(cache);
        Assert.Equal(["u0", "u2"], data.Train.Select(u => u.Id));
        Assert.Equal(["u1"], data.Valid.Select(u => u.Id));
        Assert.Equal(new TrainingUtterance(2, "u2", "v2", 1, [3, 7]) with { PhonemeIds = data.Train[1].PhonemeIds }, data.Train[1]);
        Assert.Equal("inv-9", data.InventoryVersion);
        Assert.Equal(8, data.MinimumVocabSize);

        var features = new float[3 * FeatureCache.MelBins];
        data.ReadStandardizedFeatures(1, features);
        Assert.All(features, v => Assert.Equal(2f, v));
    }
}
