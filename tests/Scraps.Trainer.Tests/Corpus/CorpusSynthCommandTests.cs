using Scraps.Data;

namespace Scraps.Trainer.Tests.Corpus;

public class CorpusSynthCommandTests
{
    [Fact]
    public async Task Builds_a_corpus_from_the_command_line()
    {
        using var folder = new TempFolder();
        var text = folder.Write("t.txt", "The night was dark and full of stars. A cat sat quietly by the door.\n");
        var output = folder.File("corpus");

        var (code, error) = await CorpusCommandTests.RunAsync(
            $"corpus synth --out {output} --clips 2 --seed 3 --jobs 2 --no-fortunes --text {text} --synths espeak-ng --test-voices none --valid-voices espeak-ng:en-029 --valid-share 0.5 --no-augment");

        Assert.True(code == 0, error);
        var entries = Manifest.ReadValid(Path.Combine(output, "manifest.jsonl"));
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("espeak-ng", e.Synthesizer));
        Assert.True(File.Exists(Path.Combine(output, "corpus.json")));
    }
}
