using Scraps.Data;
using Scraps.Trainer.Corpus.Import;

namespace Scraps.Trainer.Tests.Corpus.Import;

public class ManifestMergerTests
{
    [Fact]
    public void Lines_keep_their_fields_with_paths_relative_to_the_merged_file_and_splits_filtered()
    {
        using var folder = new TempFolder();
        var synthetic = folder.Write("synth/manifest.jsonl",
            "{\"id\":\"s1\",\"audio\":\"wavs/s1.wav\",\"text\":\"One.\",\"split\":\"train\",\"phoneTimes\":\"wavs/s1.phones.tsv\",\"textKind\":\"word\"}\n" +
            "{\"id\":\"s2\",\"audio\":\"wavs/s2.wav\",\"text\":\"Two.\",\"split\":\"test\"}\n");
        var human = folder.Write("human/fsdd.jsonl",
            "{\"id\":\"h1\",\"audio\":\"recordings/0_a_1.wav\",\"text\":\"zero\",\"split\":\"valid\",\"source\":\"fsdd\"}\n" +
            "not json\n" +
            "{\"id\":\"s1\",\"audio\":\"x.wav\",\"text\":\"dup\"}\n");

        var result = ManifestMerger.Merge([synthetic, human], folder.File("all/merged.jsonl"), new HashSet<string> { DataSplits.Train, DataSplits.Valid });
        var entries = Manifest.ReadValid(result.Path);

        Assert.Equal(2, result.Lines);
        Assert.Equal(["s1", "h1"], entries.Select(e => e.Id));
        Assert.Equal(Path.Combine(folder.Path, "synth", "wavs", "s1.wav"), Manifest.ResolveAudioPath(result.Path, entries[0]));
        Assert.Equal("../synth/wavs/s1.phones.tsv", entries[0].PhoneTimes);
        Assert.Equal("fsdd", entries[1].Source);
        Assert.Contains("\"textKind\":\"word\"", File.ReadAllLines(result.Path)[0]);
        Assert.Contains(result.Problems, p => p.Contains("fsdd.jsonl:2") && p.Contains("bad JSON"));
        Assert.Contains(result.Problems, p => p.Contains("fsdd.jsonl:3") && p.Contains("already"));
    }
}
