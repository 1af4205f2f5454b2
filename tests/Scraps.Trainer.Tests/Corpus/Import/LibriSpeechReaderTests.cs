using Scraps.Data;
using Scraps.Trainer.Corpus.Import;

namespace Scraps.Trainer.Tests.Corpus.Import;

public class LibriSpeechReaderTests
{
    [Fact]
    public async Task Reads_transcripts_with_speaker_and_split_from_the_folders()
    {
        using var folder = new TempFolder();
        var root = await CorpusFixtures.LibriSpeechAsync(folder);
        var problems = new List<string>();

        var utterances = LibriSpeechReader.Read(root, problems).ToArray();

        Assert.True(LibriSpeechReader.Matches(root));
        Assert.Equal(["84-121123-0000", "19-198-0000", "19-198-0001"], utterances.Select(u => u.Id));
        Assert.Equal(("84", DataSplits.Valid), (utterances[0].Speaker, utterances[0].Split));
        Assert.Equal(("19", DataSplits.Train), (utterances[1].Speaker, utterances[1].Split));
        Assert.Equal("Northanger abbey and I think so", utterances[1].Text);
        Assert.Equal("I'm here", utterances[2].Text);
        Assert.Single(problems);
        Assert.Contains("19-198-0002.flac", problems[0]);
    }

    [Theory]
    [InlineData("HELLO WORLD", "Hello world")]
    [InlineData("I SAID I'D GO", "I said I'd go")]
    public void Converts_upper_case_transcripts_to_sentence_case(string input, string expected) =>
        Assert.Equal(expected, LibriSpeechReader.SentenceCase(input));
}
