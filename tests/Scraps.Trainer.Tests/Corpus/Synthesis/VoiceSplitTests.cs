using Scraps.Data;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Tests.Corpus.Synthesis;

public class VoiceSplitTests
{
    private static readonly ISpeechSynthesizer[] Engines =
    [
        new FakeSynthesizer("espeak-ng", "en-029", "en-029+f1", "en-029+f4", "en-us", "en-us+f1", "en-us+f4", "en-us+m3"),
        new FakeSynthesizer("flite", "awb", "kal", "rms", "slt"),
        new FakeSynthesizer("festival", "cmu_us_slt_arctic_hts", "kal_diphone", "ked_diphone"),
    ];

    [Fact]
    public void Holds_out_voices_of_several_synthesizers_per_split_and_test_wins_overlaps()
    {
        var split = VoiceSplit.Create(Engines, ["espeak-ng:en-029", "espeak-ng:*+m3", "flite:rms"], ["espeak-ng:*+f4", "flite:awb", "festival:ked_diphone"]);

        Assert.Equal(["espeak-ng:en-029+f4", "espeak-ng:en-us+f4", "festival:ked_diphone", "flite:awb"], Ids(split, DataSplits.Test));
        Assert.Equal(["espeak-ng:en-029", "espeak-ng:en-029+f1", "espeak-ng:en-us+m3", "flite:rms"], Ids(split, DataSplits.Valid));
        Assert.Equal(
            ["espeak-ng:en-us", "espeak-ng:en-us+f1", "festival:cmu_us_slt_arctic_hts", "festival:kal_diphone", "flite:kal", "flite:slt"],
            Ids(split, DataSplits.Train));
    }

    [Fact]
    public void Without_test_voices_there_is_no_test_split()
    {
        var split = VoiceSplit.Create(Engines, [], []);
        Assert.False(split.Pools.ContainsKey(DataSplits.Test));
        Assert.Equal(14, split.VoicesOf(DataSplits.Train).Count);
    }

    [Fact]
    public void A_held_out_voice_whose_speaker_also_trains_is_refused()
    {
        // festival's slt HTS voice and flite's slt are the same CMU ARCTIC speaker.
        var error = Assert.Throws<ArgumentException>(() => VoiceSplit.Create(Engines, [], ["festival:cmu_us_slt_arctic_hts", "flite:awb"]));
        Assert.Contains("--test-voices", error.Message);
        Assert.Contains("flite:slt", error.Message);
        VoiceSplit.Create(Engines, [], ["festival:cmu_us_slt_arctic_hts", "flite:slt"]);
    }

    [Theory]
    [InlineData("flite:nobody", "", "'flite:nobody'")]
    [InlineData("", "flite:awb,flite:rms", "two synthesizers")]
    [InlineData("espeak-ng:*,festival:*", "flite:*", "training")]
    public void Rejects_patterns_matching_nothing_single_engine_splits_and_no_training_voice(string valid, string test, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => VoiceSplit.Create(Engines, Patterns(valid), Patterns(test)));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Defaults_not_installed_here_are_left_out() =>
        Assert.Equal(["flite:rms"], VoiceSplit.InstalledDefaults(["flite:rms", "festival:rab_diphone"], Engines));

    private static string[] Patterns(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static string[] Ids(VoiceSplit split, string name) => split.VoicesOf(name).Select(v => v.Id).Order(StringComparer.Ordinal).ToArray();
}
