using Scraps.Data;
using Scraps.Trainer.Tests.Corpus.Import;

namespace Scraps.Trainer.Tests.Corpus;

public class CorpusImportCommandTests
{
    [Fact]
    public async Task Imports_a_corpus_folder_into_a_manifest()
    {
        using var folder = new TempFolder();
        var root = CorpusFixtures.LjSpeech(folder);
        var manifest = folder.File("lj.jsonl");

        var (code, error) = await CorpusCommandTests.RunAsync($"corpus import --input {root} --out {manifest} --format LjSpeech --split valid");

        Assert.True(code == 0, error);
        var entries = Manifest.ReadValid(manifest);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(DataSplits.Valid, e.Split));
    }
}
