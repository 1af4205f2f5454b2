using Scraps.Data;
using Scraps.Trainer.Corpus.Import;

namespace Scraps.Trainer.Tests.Corpus.Import;

public class LjSpeechReaderTests
{
    [Fact]
    public void Reads_normalized_transcripts_and_reports_bad_lines()
    {
        using var folder = new TempFolder();
        var root = CorpusFixtures.LjSpeech(folder);
        var problems = new List<string>();

        var utterances = LjSpeechReader.Read(root, problems).ToArray();

        Assert.True(LjSpeechReader.Matches(root));
        Assert.Equal(["LJ001-0001", "LJ001-0002"], utterances.Select(u => u.Id));
        Assert.Equal("in being comparatively modern, one time.", utterances[1].Text);
        Assert.All(utterances, u => Assert.Equal(("ljspeech", DataSplits.Train), (u.Speaker, u.Split)));
        Assert.Equal(Path.Combine(root, "wavs", "LJ001-0001.wav"), utterances[0].AudioPath);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("metadata.csv:3") && p.Contains("not found"));
        Assert.Contains(problems, p => p.Contains("metadata.csv:4"));
    }
}
