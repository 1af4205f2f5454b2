using Scraps.Model.Data;
using Scraps.Trainer.Corpus.Augmentation;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Tests.Corpus.Synthesis;

public class ClipPlannerTests
{
    private static readonly ISpeechSynthesizer[] Engines =
    [
        new FakeSynthesizer("espeak-ng", "en-029", "en-us", "en-us+f1", "en-gb"),
        new FakeSynthesizer("flite", "rms", "slt"),
        new FakeSynthesizer("festival", "kal_diphone", "cmu_us_slt_arctic_hts"),
    ];

    private static readonly string[] Sentences = ["One sentence here.", "Another sentence there.", "A third one now.", "And a fourth."];

    [Fact]
    public void Plans_depend_only_on_seed_and_index()
    {
        var a = Planner(seed: 5);
        var b = Planner(seed: 5);
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(a.Plan(i), b.Plan(i));
        }

        Assert.NotEqual(a.Plan(3), Planner(seed: 6).Plan(3));
    }

    [Fact]
    public void Splits_follow_the_shares_and_never_share_voices()
    {
        var planner = Planner(seed: 1);
        var plans = Enumerable.Range(0, 2000).Select(planner.Plan).ToArray();
        var bySplit = plans.GroupBy(p => p.Split).ToDictionary(g => g.Key, g => g.ToArray());

        Assert.InRange(bySplit[DataSplits.Train].Length / 2000.0, 0.57, 0.63);
        Assert.InRange(bySplit[DataSplits.Valid].Length / 2000.0, 0.17, 0.23);
        Assert.All(bySplit[DataSplits.Test], p => Assert.Equal("festival", p.Voice.Synthesizer));
        var trainVoices = bySplit[DataSplits.Train].Select(p => p.Voice.Id).ToHashSet();
        Assert.DoesNotContain(bySplit[DataSplits.Valid], p => trainVoices.Contains(p.Voice.Id));
        Assert.DoesNotContain(bySplit[DataSplits.Train], p => p.Voice.Synthesizer == "festival");
    }

    [Fact]
    public void Uses_every_sentence_before_repeating_one()
    {
        var planner = Planner(seed: 2);
        var first = Enumerable.Range(0, Sentences.Length).Select(i => planner.Plan(i).Text).ToArray();
        Assert.Equal(Sentences.Order(), first.Order());
    }

    [Fact]
    public void Ids_and_paths_are_stable()
    {
        Assert.Equal("syn0012345", ClipPlanner.ClipId(12345));
        Assert.Equal("wavs/0012/syn0012345.wav", ClipPlanner.ClipAudioPath(12345));
    }

    private static ClipPlanner Planner(long seed)
    {
        var options = new SynthesisOptions { OutputDirectory = "/tmp/unused", Seed = seed, ValidShare = 0.2, TestShare = 0.2 };
        var split = VoiceSplit.Create(Engines, ["espeak-ng:en-029", "flite:rms"], "festival");
        return new ClipPlanner(Sentences, split, Engines, options, BabbleBank.DefaultTracks);
    }
}
