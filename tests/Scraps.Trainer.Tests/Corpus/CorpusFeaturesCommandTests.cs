using Scraps.Data;
using Scraps.Trainer.Tests.Corpus.Import;

namespace Scraps.Trainer.Tests.Corpus;

public class CorpusFeaturesCommandTests
{
    [Fact]
    public async Task Builds_the_feature_cache_of_a_manifest()
    {
        using var folder = new TempFolder();
        CorpusFixtures.Wav(folder.File("a.wav"), 16000);
        CorpusFixtures.Wav(folder.File("b.wav"), 22050);
        var manifest = folder.File("m.jsonl");
        Manifest.Write(manifest, [new ManifestEntry("a", "a.wav", "Hello there.", null, "s"), new ManifestEntry("b", "b.wav", "Good night.", null, "s") { Split = "valid" }]);

        var (code, error) = await CorpusCommandTests.RunAsync($"corpus features --manifest {manifest} --out {folder.File("cache")} --threads 2");

        Assert.True(code == 0, error);
        using var cache = FeatureCache.Open(folder.File("cache"));
        Assert.Equal(["a", "b"], cache.Utterances.Select(u => u.Id));
        Assert.Equal(21, cache.Utterances[0].Frames);
        Assert.NotEmpty(cache.Utterances[1].PhonemeIds);
    }
}
