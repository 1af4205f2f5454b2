using Scraps.Trainer.Corpus.Augmentation;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Tests.Corpus.Synthesis;

public class SynthesisOptionsTests
{
    private static readonly SynthesisOptions Valid = new() { OutputDirectory = "/tmp/x" };

    [Fact]
    public void Defaults_are_valid() => Valid.Validate();

    [Fact]
    public void Default_validation_voices_apply_only_to_engines_in_use()
    {
        ISpeechSynthesizer[] espeakOnly = [new FakeSynthesizer("espeak-ng", "en-us")];
        Assert.Equal(["espeak-ng:en-029", "espeak-ng:*+m3"], Valid.ValidVoicesFor(espeakOnly));
        Assert.Equal(["flite:rms"], (Valid with { ValidVoices = ["flite:rms"] }).ValidVoicesFor(espeakOnly));
    }

    [Theory]
    [InlineData("clips")]
    [InlineData("jobs")]
    [InlineData("shares")]
    [InlineData("weights")]
    [InlineData("text")]
    [InlineData("augmentation")]
    public void Rejects_out_of_range_options_naming_the_option(string which)
    {
        var options = which switch
        {
            "clips" => Valid with { Clips = 0 },
            "jobs" => Valid with { Jobs = 0 },
            "shares" => Valid with { ValidShare = 0.6, TestShare = 0.5 },
            "weights" => Valid with { Weights = new Dictionary<string, double> { ["flite"] = -1 } },
            "text" => Valid with { FortunesDirectory = null, TextFiles = [] },
            _ => Valid with { Augmentation = new AugmentationOptions { NoiseProbability = 1.5 } },
        };
        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
