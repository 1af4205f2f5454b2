using Scraps.Model.Data;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Tests.Corpus.Synthesis;

public class VoiceSplitTests
{
    private static readonly ISpeechSynthesizer[] Engines =
    [
        new FakeSynthesizer("espeak-ng", "en-029", "en-029+f1", "en-us", "en-us+f1", "en-us+m3"),
        new FakeSynthesizer("flite", "rms", "slt"),
        new FakeSynthesizer("festival", "kal_diphone"),
    ];

    [Fact]
    public void Holds_out_the_test_engine_and_the_validation_voices()
    {
        var split = VoiceSplit.Create(Engines, ["espeak-ng:en-029", "espeak-ng:*+m3", "flite:rms"], "festival");

        Assert.Equal(["festival:kal_diphone"], Ids(split, DataSplits.Test));
        Assert.Equal(["espeak-ng:en-029", "espeak-ng:en-029+f1", "espeak-ng:en-us+m3", "flite:rms"], Ids(split, DataSplits.Valid));
        Assert.Equal(["espeak-ng:en-us", "espeak-ng:en-us+f1", "flite:slt"], Ids(split, DataSplits.Train));
    }

    [Fact]
    public void Without_a_test_engine_there_is_no_test_split()
    {
        var split = VoiceSplit.Create(Engines, [], null);
        Assert.False(split.Pools.ContainsKey(DataSplits.Test));
        Assert.Equal(8, split.VoicesOf(DataSplits.Train).Count);
    }

    [Fact]
    public void Rejects_an_unavailable_test_engine_a_pattern_matching_nothing_and_no_training_voice()
    {
        Assert.Contains("--test-synth", Assert.Throws<ArgumentException>(() => VoiceSplit.Create(Engines, [], "mbrola")).Message);
        Assert.Contains("'flite:kal'", Assert.Throws<ArgumentException>(() => VoiceSplit.Create(Engines, ["flite:kal"], null)).Message);
        Assert.Contains("training", Assert.Throws<ArgumentException>(() => VoiceSplit.Create(Engines, ["espeak-ng:*", "flite:*"], "festival")).Message);
    }

    private static string[] Ids(VoiceSplit split, string name) => split.VoicesOf(name).Select(v => v.Id).Order(StringComparer.Ordinal).ToArray();
}
