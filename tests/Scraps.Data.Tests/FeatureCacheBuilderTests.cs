using Scraps.Audio;
using Scraps.Phonetics;

namespace Scraps.Data.Tests;

public class FeatureCacheBuilderTests
{
    [Fact]
    public void Caches_front_end_features_and_phonemes_and_skips_what_it_cannot_use()
    {
        using var fixture = new CacheFixture();
        using var phonemizer = new EspeakPhonemizer();

        var result = FeatureCacheBuilder.Build(fixture.ManifestPath, fixture.CacheDirectory, phonemizer, threads: 2, progress: null);

        Assert.Equal((4, 0), (result.Cached, result.Reused));
        Assert.Equal(["missing", "badphone"], result.Skipped.Select(s => s.Id));
        Assert.Contains("audio", result.Skipped[0].Reason);
        Assert.Contains("qq", result.Skipped[1].Reason);

        using var cache = FeatureCache.Open(fixture.CacheDirectory);
        Assert.Equal(["t1", "t2", "v1", "x1"], cache.Utterances.Select(u => u.Id));
        Assert.Equal(phonemizer.Inventory.Version, cache.InventoryVersion);
        var extractor = new LogMelExtractor();
        foreach (var utterance in cache.Utterances)
        {
            var entry = fixture.Entries.Single(e => e.Id == utterance.Id);
            var expected = extractor.Compute(AudioFrontEnd.LoadMono16kFile(Manifest.ResolveAudioPath(fixture.ManifestPath, entry)));
            var stored = cache.ReadFeatures(utterance.Index);
            Assert.Equal(expected.Frames, utterance.Frames);
            Assert.Equal(expected.Data.Length, stored.Length);
            for (var i = 0; i < stored.Length; i++)
            {
                // float16 keeps 11 significant bits: relative rounding error at most 2^-11.
                Assert.True(Math.Abs(stored[i] - expected.Data[i]) <= (Math.Abs(expected.Data[i]) * 0.000489) + 1e-6, $"{utterance.Id}[{i}]: {stored[i]} vs {expected.Data[i]}");
            }

            var ids = entry.Phonemes is { } xsampa ? XSampaParser.Parse(xsampa, phonemizer.Inventory).ToIds() : phonemizer.Phonemize(entry.Text!).ToIds();
            Assert.Equal(ids, utterance.PhonemeIds);
            Assert.Equal(entry.Split, utterance.Split);
            Assert.Equal(entry.Voice ?? entry.Speaker, utterance.Voice);
            Assert.Equal(entry.Text ?? entry.Phonemes, utterance.Text);
        }
    }

    [Fact]
    public void Mean_and_std_come_from_the_train_split_only()
    {
        using var fixture = new CacheFixture();
        using var phonemizer = new EspeakPhonemizer();
        FeatureCacheBuilder.Build(fixture.ManifestPath, fixture.CacheDirectory, phonemizer, threads: 1, progress: null);
        using var cache = FeatureCache.Open(fixture.CacheDirectory);

        var train = new FeatureStatistics();
        var all = new FeatureStatistics();
        foreach (var utterance in cache.Utterances)
        {
            var mel = new LogMel(cache.ReadFeatures(utterance.Index), utterance.Frames);
            all.Add(mel);
            if (utterance.Split == DataSplits.Train)
            {
                train.Add(mel);
            }
        }

        var (mean, std) = train.Compute();
        Assert.Equal(mean, cache.Mean);
        Assert.Equal(std, cache.Std);
        Assert.True(Math.Abs(all.Compute().Mean[40] - cache.Mean[40]) > 0.5, "the loud validation clip must not move the statistics");
    }

    [Fact]
    public void Rebuilding_reuses_unchanged_shards_and_gives_the_same_cache_whatever_the_threads()
    {
        using var fixture = new CacheFixture();
        using var phonemizer = new EspeakPhonemizer();
        var other = Path.Combine(fixture.Folder, "cache-3");
        FeatureCacheBuilder.Build(fixture.ManifestPath, fixture.CacheDirectory, phonemizer, 1, null, shardSize: 2, CancellationToken.None);
        FeatureCacheBuilder.Build(fixture.ManifestPath, other, phonemizer, 3, null, shardSize: 2, CancellationToken.None);
        foreach (var shard in Directory.GetFiles(fixture.CacheDirectory, "shard-*.f16"))
        {
            Assert.Equal(File.ReadAllBytes(shard), File.ReadAllBytes(Path.Combine(other, Path.GetFileName(shard))));
        }

        var index = File.ReadAllText(Path.Combine(fixture.CacheDirectory, "index.json"));
        var again = FeatureCacheBuilder.Build(fixture.ManifestPath, fixture.CacheDirectory, phonemizer, 2, null, shardSize: 2, CancellationToken.None);
        Assert.Equal((0, 4), (again.Cached, again.Reused));
        Assert.Equal(index, File.ReadAllText(Path.Combine(fixture.CacheDirectory, "index.json")));

        // An interrupted build (index never written, last shard incomplete) resumes with only that shard's work.
        File.Delete(Path.Combine(fixture.CacheDirectory, "index.json"));
        File.Delete(Path.Combine(fixture.CacheDirectory, "shard-00002.json"));
        var firstShard = File.GetLastWriteTimeUtc(Path.Combine(fixture.CacheDirectory, "shard-00000.f16"));
        var resumed = FeatureCacheBuilder.Build(fixture.ManifestPath, fixture.CacheDirectory, phonemizer, 2, null, shardSize: 2, CancellationToken.None);
        Assert.Equal((1, 3), (resumed.Cached, resumed.Reused));
        Assert.Equal(firstShard, File.GetLastWriteTimeUtc(Path.Combine(fixture.CacheDirectory, "shard-00000.f16")));
        Assert.Equal(index, File.ReadAllText(Path.Combine(fixture.CacheDirectory, "index.json")));

        // A changed manifest line rebuilds its shard only.
        var entries = fixture.Entries.Select(e => e.Id == "v1" ? e with { Text = "Changed text." } : e).ToArray();
        Manifest.Write(fixture.ManifestPath, entries);
        var changed = FeatureCacheBuilder.Build(fixture.ManifestPath, fixture.CacheDirectory, phonemizer, 2, null, shardSize: 2, CancellationToken.None);
        Assert.Equal((1, 3), (changed.Cached, changed.Reused));
        using var cache = FeatureCache.Open(fixture.CacheDirectory);
        Assert.Equal("Changed text.", cache.Utterances.Single(u => u.Id == "v1").Text);
    }

    [Fact]
    public void A_held_out_set_without_train_split_takes_the_training_caches_statistics()
    {
        using var fixture = new CacheFixture();
        using var phonemizer = new EspeakPhonemizer();
        FeatureCacheBuilder.Build(fixture.ManifestPath, fixture.CacheDirectory, phonemizer, threads: 1, progress: null);
        using var training = FeatureCache.Open(fixture.CacheDirectory);
        var heldOut = Path.Combine(fixture.Folder, "valid-only.jsonl");
        Manifest.Write(heldOut, fixture.Entries.Where(e => e.Split == DataSplits.Valid));
        var heldOutCache = Path.Combine(fixture.Folder, "held-out-cache");

        FeatureCacheBuilder.Build(heldOut, heldOutCache, phonemizer, 1, null, (training.Mean, training.Std));

        using var cache = FeatureCache.Open(heldOutCache);
        Assert.Equal(training.Mean, cache.Mean);
        Assert.Equal(training.Std, cache.Std);
        Assert.All(cache.Utterances, u => Assert.Equal(DataSplits.Valid, u.Split));
    }

    [Fact]
    public void Reports_progress_to_the_total()
    {
        using var fixture = new CacheFixture();
        using var phonemizer = new EspeakPhonemizer();
        var reports = new List<FeatureCacheProgress>();
        FeatureCacheBuilder.Build(fixture.ManifestPath, fixture.CacheDirectory, phonemizer, 2, new Collect(reports));
        Assert.Contains(new FeatureCacheProgress(6, 6, 2), reports);
    }

    [Fact]
    public void Rejects_a_manifest_without_train_data_or_valid_lines()
    {
        using var fixture = new CacheFixture();
        using var phonemizer = new EspeakPhonemizer();
        var noTrain = Path.Combine(fixture.Folder, "valid-only.jsonl");
        Manifest.Write(noTrain, fixture.Entries.Where(e => e.Split == DataSplits.Valid));
        Assert.Contains("train split", Assert.Throws<InvalidDataException>(() => FeatureCacheBuilder.Build(noTrain, fixture.CacheDirectory, phonemizer, 1, null)).Message);

        var broken = Path.Combine(fixture.Folder, "broken.jsonl");
        File.WriteAllText(broken, "{not json}\n");
        Assert.Throws<ManifestFormatException>(() => FeatureCacheBuilder.Build(broken, fixture.CacheDirectory, phonemizer, 1, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureCacheBuilder.Build(fixture.ManifestPath, fixture.CacheDirectory, phonemizer, 0, null));
    }

    private sealed class Collect(List<FeatureCacheProgress> reports) : IProgress<FeatureCacheProgress>
    {
        public void Report(FeatureCacheProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
