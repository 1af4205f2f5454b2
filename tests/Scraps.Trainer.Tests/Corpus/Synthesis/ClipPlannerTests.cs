using Scraps.Data;
using Scraps.Trainer.Corpus.Augmentation;
using Scraps.Trainer.Corpus.Synthesis;
using Scraps.Trainer.Corpus.Text;

namespace Scraps.Trainer.Tests.Corpus.Synthesis;

public class ClipPlannerTests
{
    private static readonly ISpeechSynthesizer[] Engines =
    [
        new FakeSynthesizer("espeak-ng", "en-029", "en-us", "en-us+f1", "en-gb"),
        new FakeSynthesizer("flite", "rms", "slt", "awb"),
        new FakeSynthesizer("festival", "kal_diphone", "ked_diphone"),
    ];

    private static readonly TextSentence[] Sentences =
        new[] { "One sentence here.", "Another sentence there.", "A third one now.", "And a fourth." }.Select(t => new TextSentence(t, "text/t.txt")).ToArray();

    private static readonly Dictionary<string, double> SentencesOnly = new() { [TextKinds.Sentence] = 1 };

    [Fact]
    public void Plans_depend_only_on_seed_and_index()
    {
        var a = Planner(seed: 5, TextKinds.DefaultShares);
        var b = Planner(seed: 5, TextKinds.DefaultShares);
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(a.Plan(i) with { Text = null! }, b.Plan(i) with { Text = null! });
            Assert.Equal(a.Plan(i).Text.Text, b.Plan(i).Text.Text);
        }

        Assert.NotEqual(a.Plan(3) with { Text = null! }, Planner(seed: 6, TextKinds.DefaultShares).Plan(3) with { Text = null! });
    }

    [Fact]
    public void Splits_follow_the_shares_and_never_share_voices_or_speakers()
    {
        var planner = Planner(seed: 1, SentencesOnly);
        var plans = Enumerable.Range(0, 2000).Select(planner.Plan).ToArray();
        var bySplit = plans.GroupBy(p => p.Split).ToDictionary(g => g.Key, g => g.ToArray());

        Assert.InRange(bySplit[DataSplits.Train].Length / 2000.0, 0.57, 0.63);
        Assert.InRange(bySplit[DataSplits.Valid].Length / 2000.0, 0.17, 0.23);
        Assert.Equal(["festival", "flite"], bySplit[DataSplits.Test].Select(p => p.Voice.Synthesizer).Distinct().Order());
        var trainSpeakers = bySplit[DataSplits.Train].Select(p => SpeakerIdentity.Of(p.Voice)).ToHashSet();
        Assert.DoesNotContain(bySplit[DataSplits.Valid].Concat(bySplit[DataSplits.Test]), p => trainSpeakers.Contains(SpeakerIdentity.Of(p.Voice)));
    }

    [Fact]
    public void Uses_every_sentence_before_repeating_one()
    {
        var planner = Planner(seed: 2, SentencesOnly);
        var first = Enumerable.Range(0, Sentences.Length).Select(i => planner.Plan(i).Text.Text).ToArray();
        Assert.Equal(Sentences.Select(s => s.Text).Order(), first.Order());
    }

    [Fact]
    public void Formant_shifts_reach_the_engine_as_slower_lower_speech()
    {
        var planner = Planner(seed: 3, SentencesOnly, new AugmentationOptions { Formant = 1 });
        var plan = planner.Plan(0);
        Assert.NotEqual(1, plan.Augmentation.Formant);
        var asked = plan.Settings.ForEngine(plan.Augmentation.Formant);
        Assert.Equal(plan.Settings.Rate / plan.Augmentation.Formant, asked.Rate, 3);
        Assert.Equal(plan.Settings.Pitch / plan.Augmentation.Formant, asked.Pitch, 3);
    }

    [Fact]
    public void Ids_and_paths_are_stable()
    {
        Assert.Equal("syn0012345", ClipPlanner.ClipId(12345));
        Assert.Equal("wavs/0012/syn0012345.wav", ClipPlanner.ClipAudioPath(12345));
    }

    private static ClipPlanner Planner(long seed, IReadOnlyDictionary<string, double> kinds, AugmentationOptions? augmentation = null)
    {
        var options = new SynthesisOptions
        {
            OutputDirectory = "/tmp/unused",
            Seed = seed,
            ValidShare = 0.2,
            TestShare = 0.2,
            TextKindShares = kinds,
            Augmentation = augmentation ?? new AugmentationOptions(),
        };
        var split = VoiceSplit.Create(Engines, ["espeak-ng:en-029", "flite:rms"], ["flite:awb", "festival:ked_diphone"]);
        var words = new WordLists(["window", "apple"], ["Anna", "Siobhan"], ["Franklin", "Boston"]);
        return new ClipPlanner(new TextPlanner(Sentences, words, kinds, seed), split, Engines, options, BabbleBank.DefaultTracks);
    }
}
