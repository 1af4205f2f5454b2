using Scraps.Data;
using Scraps.Trainer.Corpus.Import;

namespace Scraps.Trainer.Tests.Corpus.Import;

public class HumanSetReaderTests
{
    [Fact]
    public void Spoken_digits_are_their_words_with_the_speaker_from_the_file_name()
    {
        using var folder = new TempFolder();
        var root = HumanSetFixtures.SpokenDigits(folder);
        var problems = new List<string>();

        var utterances = SpokenDigitReader.Read(root, problems).ToArray();

        Assert.True(SpokenDigitReader.Matches(root));
        Assert.Equal(9, utterances.Length);
        var first = utterances.Single(u => u.Id == "fsdd-2_theo_12");
        Assert.Equal(("two", "theo", "fsdd"), (first.Text, first.Speaker, first.Source));
        Assert.Null(first.Split);
        Assert.Contains(problems, p => p.Contains("notes.wav"));
    }

    [Fact]
    public async Task Wake_words_take_the_folder_name_and_every_clip_has_a_stable_split()
    {
        using var folder = new TempFolder();
        var root = await HumanSetFixtures.WakeWordsAsync(folder);
        var problems = new List<string>();

        var utterances = WakeWordReader.Read(root, problems).ToArray();
        var again = WakeWordReader.Read(root, []).ToArray();

        Assert.True(WakeWordReader.Matches(root));
        Assert.Equal(4, utterances.Length);
        Assert.Equal(["alexa", "alexa", "smart mirror", "smart mirror"], utterances.Select(u => u.Text));
        Assert.All(utterances, u => Assert.Null(u.Speaker));
        Assert.Equal(utterances.Select(u => u.Split), again.Select(u => u.Split));
        Assert.Contains(problems, p => p.Contains("notes.txt"));
    }

    [Fact]
    public async Task GCompris_names_become_words_letters_and_numbers_and_the_readme_names_the_speaker()
    {
        using var folder = new TempFolder();
        var root = await HumanSetFixtures.GComprisAsync(folder);
        var problems = new List<string>();

        var utterances = GComprisVoicesReader.Read(root, problems).ToDictionary(u => u.Id);

        Assert.True(GComprisVoicesReader.Matches(root));
        Assert.Equal(["gcompris-alphabet-12", "gcompris-alphabet-U0037", "gcompris-alphabet-U0062", "gcompris-words-bat", "gcompris-words-bath"], utterances.Keys.Order());
        Assert.Equal(("b", "jane-speaker"), (utterances["gcompris-alphabet-U0062"].Text, utterances["gcompris-alphabet-U0062"].Speaker));
        Assert.Equal("seven", utterances["gcompris-alphabet-U0037"].Text);
        Assert.Equal(("twelve", "jane-speaker"), (utterances["gcompris-alphabet-12"].Text, utterances["gcompris-alphabet-12"].Speaker));
        Assert.Equal(("bath", "art4apps"), (utterances["gcompris-words-bath"].Text, utterances["gcompris-words-bath"].Speaker));
        Assert.Contains(problems, p => p.Contains("U2603"));
        Assert.DoesNotContain(utterances.Values, u => u.AudioPath.Contains("intro"));
    }

    [Fact]
    public void Tess_says_the_word_of_the_file_name_in_both_layouts_once_per_recording_and_never_trains()
    {
        using var folder = new TempFolder();
        var root = HumanSetFixtures.Tess(folder);
        var problems = new List<string>();

        var utterances = TorontoEmotionalSpeechReader.Read(root, problems).ToDictionary(u => u.Id);

        Assert.True(TorontoEmotionalSpeechReader.Matches(root));
        Assert.Equal(["tess-OAF-bean-angry", "tess-OAF-dime-neutral", "tess-OAF-keen-angry", "tess-YAF-bean-ps"], utterances.Keys.Order());
        Assert.Equal("Say the word dime.", utterances["tess-OAF-dime-neutral"].Text);
        Assert.All(utterances.Values, u => Assert.True(u.EvaluationOnly));
        Assert.Contains(problems, p => p.Contains("second recording") && p.Contains("keen"));
        Assert.Contains(problems, p => p.Contains("readme.wav"));
    }

    [Fact]
    public void Speakers_are_split_whole_and_an_evaluation_only_set_has_no_train_speaker()
    {
        var six = SpeakerSplit.Assign(["a", "b", "c", "d", "e", "f"], evaluationOnly: false, DataSplits.Test);
        Assert.Equal((4, 1, 1), (six.Values.Count(s => s == DataSplits.Train), six.Values.Count(s => s == DataSplits.Valid), six.Values.Count(s => s == DataSplits.Test)));
        Assert.Equal(six, SpeakerSplit.Assign(["f", "e", "d", "c", "b", "a"], evaluationOnly: false, DataSplits.Test));

        var two = SpeakerSplit.Assign(["OAF", "YAF"], evaluationOnly: true, DataSplits.Test);
        Assert.Equal([DataSplits.Test, DataSplits.Valid], two.Values.Order());
        var trainable = SpeakerSplit.Assign(["OAF", "YAF"], evaluationOnly: false, DataSplits.Test);
        Assert.Equal([DataSplits.Test, DataSplits.Train], trainable.Values.Order());
        Assert.Equal(DataSplits.Test, SpeakerSplit.Assign(["solo"], evaluationOnly: false, DataSplits.Test)["solo"]);
    }

    [Fact]
    public async Task Every_human_set_imports_by_detection_with_speakers_split_and_its_source_recorded()
    {
        using var folder = new TempFolder();
        var roots = new[]
        {
            (HumanSetFixtures.SpokenDigits(folder), CorpusFormat.SpokenDigits),
            (await HumanSetFixtures.WakeWordsAsync(folder), CorpusFormat.WakeWords),
            (await HumanSetFixtures.GComprisAsync(folder), CorpusFormat.GCompris),
            (HumanSetFixtures.Tess(folder), CorpusFormat.Tess),
        };
        foreach (var (root, format) in roots)
        {
            var manifest = Path.Combine(folder.Path, $"{format}.jsonl");
            var result = CorpusImporter.Import(root, CorpusFormat.Auto, manifest);
            var entries = Manifest.ReadValid(manifest, _ => { });

            Assert.Equal(format, result.Format);
            Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.Source)));
            Assert.All(entries.Where(e => e.Speaker is not null).GroupBy(e => e.Speaker), g => Assert.Single(g.Select(e => e.Split).Distinct()));
            Assert.All(entries, e => Assert.True(File.Exists(Manifest.ResolveAudioPath(manifest, e))));
            if (format == CorpusFormat.Tess)
            {
                Assert.DoesNotContain(entries, e => e.Split == DataSplits.Train);
            }
        }
    }

    [Fact]
    public void Tess_put_in_train_by_hand_is_refused()
    {
        using var folder = new TempFolder();
        var root = HumanSetFixtures.Tess(folder);

        var error = Assert.Throws<ArgumentException>(() => CorpusImporter.Import(root, CorpusFormat.Tess, Path.Combine(folder.Path, "m.jsonl"), split: "train"));

        Assert.Contains("evaluation and calibration only", error.Message);
    }
}
