using Scraps.Data;
using Scraps.Trainer.Corpus.Import;

namespace Scraps.Trainer.Tests.Corpus.Import;

public class CommonVoiceReaderTests
{
    [Fact]
    public async Task Reads_train_dev_and_test_tables_by_header()
    {
        using var folder = new TempFolder();
        var root = await CorpusFixtures.CommonVoiceAsync(folder);
        var problems = new List<string>();

        var utterances = CommonVoiceReader.Read(root, problems).ToArray();

        Assert.True(CommonVoiceReader.Matches(root));
        Assert.Equal(
            [("common_voice_en_1", DataSplits.Train, "abc123"), ("common_voice_en_2", DataSplits.Valid, "def456"), ("common_voice_en_3", DataSplits.Test, "ghi789")],
            utterances.Select(u => (u.Id, u.Split, u.Speaker!)));
        Assert.Equal("Hello from the train split.", utterances[0].Text);
        Assert.Single(problems);
        Assert.Contains("train.tsv:3", problems[0]);
    }

    [Fact]
    public void A_table_without_the_needed_columns_is_a_clear_error()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("clips"));
        folder.Write("train.tsv", "client_id\tfile\ttext\n");
        var error = Assert.Throws<InvalidDataException>(() => CommonVoiceReader.Read(folder.Path, []).ToArray());
        Assert.Contains("'path' and 'sentence'", error.Message);
    }
}
