using Scraps.Phonetics;

namespace Scraps.Data.Tests;

public class FeatureCacheTests
{
    [Fact]
    public void Reads_standardized_features_and_splits_concurrently()
    {
        using var fixture = new CacheFixture();
        using (var phonemizer = new EspeakPhonemizer())
        {
            FeatureCacheBuilder.Build(fixture.ManifestPath, fixture.CacheDirectory, phonemizer, 2, null);
        }

        using var cache = FeatureCache.Open(fixture.CacheDirectory);
        Assert.Equal(["t1", "t2"], cache.InSplit("train").Select(u => u.Id));
        Assert.Equal(["v1"], cache.InSplit("dev").Select(u => u.Id));
        Assert.Equal(["x1"], cache.InSplit("test").Select(u => u.Id));

        var raw = cache.ReadFeatures(0);
        var standardized = new float[raw.Length];
        cache.ReadStandardizedFeatures(0, standardized);
        for (var i = 0; i < raw.Length; i++)
        {
            Assert.InRange(Math.Abs(((raw[i] - cache.Mean[i % 80]) / cache.Std[i % 80]) - standardized[i]), 0, 1e-5);
        }

        var expected = cache.Utterances.Select(u => cache.ReadFeatures(u.Index)).ToArray();
        Parallel.For(0, 64, i => Assert.Equal(expected[i % 4], cache.ReadFeatures(i % 4)));
    }

    [Fact]
    public void Bad_requests_are_clear_errors()
    {
        using var fixture = new CacheFixture();
        using (var phonemizer = new EspeakPhonemizer())
        {
            FeatureCacheBuilder.Build(fixture.ManifestPath, fixture.CacheDirectory, phonemizer, 1, null);
        }

        using var cache = FeatureCache.Open(fixture.CacheDirectory);
        Assert.Throws<ArgumentOutOfRangeException>(() => cache.ReadFeatures(4));
        Assert.Throws<ArgumentException>(() => cache.ReadFeatures(0, new float[10]));
    }

    [Fact]
    public void Opening_a_missing_unfinished_or_truncated_cache_says_what_is_wrong()
    {
        using var fixture = new CacheFixture();
        Assert.Throws<DirectoryNotFoundException>(() => FeatureCache.Open(Path.Combine(fixture.Folder, "nothing")));
        Directory.CreateDirectory(fixture.CacheDirectory);
        Assert.Contains("never built", Assert.Throws<FeatureCacheFormatException>(() => FeatureCache.Open(fixture.CacheDirectory)).Message);

        using (var phonemizer = new EspeakPhonemizer())
        {
            FeatureCacheBuilder.Build(fixture.ManifestPath, fixture.CacheDirectory, phonemizer, 1, null);
        }

        var shard = Path.Combine(fixture.CacheDirectory, "shard-00000.f16");
        using (var stream = File.OpenWrite(shard))
        {
            stream.SetLength(100);
        }

        Assert.Contains("truncated", Assert.Throws<FeatureCacheFormatException>(() => FeatureCache.Open(fixture.CacheDirectory)).Message);
        File.WriteAllText(Path.Combine(fixture.CacheDirectory, "index.json"), "{\"formatVersion\": 99}");
        Assert.Throws<FeatureCacheFormatException>(() => FeatureCache.Open(fixture.CacheDirectory));
    }
}
