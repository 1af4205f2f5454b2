using Scraps.Trainer.Corpus.Augmentation;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Tests.Corpus.Synthesis;

public class SynthesisOptionsTests
{
    private static readonly SynthesisOptions Valid = new() { OutputDirectory = "/tmp/x" };

    [Fact]
    public void Defaults_are_valid() => Valid.Validate();

    [Fact]
    public void Default_held_out_voices_apply_only_to_voices_installed()
    {
        ISpeechSynthesizer[] espeakAndFlite = [new FakeSynthesizer("espeak-ng", "en-us", "en-029", "en-us+m3", "en-us+f4"), new FakeSynthesizer("flite", "awb", "rms", "kal")];
        var (valid, test) = Valid.HeldOutVoicesFor(espeakAndFlite);
        Assert.Equal(["espeak-ng:en-029", "espeak-ng:*+m3", "flite:rms"], valid);
        Assert.Equal(["espeak-ng:*+f4", "flite:awb"], test);
        Assert.Equal(["flite:kal"], (Valid with { ValidVoices = ["flite:kal"] }).HeldOutVoicesFor(espeakAndFlite).Valid);
    }

    [Theory]
    [InlineData("clips", "--clips")]
    [InlineData("jobs", "--jobs")]
    [InlineData("shares", "--valid-share")]
    [InlineData("weights", "--synth-weights")]
    [InlineData("kinds", "--text-kinds")]
    [InlineData("kind-share", "--text-kinds")]
    [InlineData("codecs", "--codecs")]
    [InlineData("text", "--text")]
    [InlineData("augmentation", "--noise")]
    [InlineData("clean", "--clean-share")]
    public void Rejects_out_of_range_options_naming_the_option(string which, string option)
    {
        var options = which switch
        {
            "clips" => Valid with { Clips = 0 },
            "jobs" => Valid with { Jobs = 0 },
            "shares" => Valid with { ValidShare = 0.6, TestShare = 0.5 },
            "weights" => Valid with { Weights = new Dictionary<string, double> { ["flite"] = -1 } },
            "kinds" => Valid with { TextKindShares = new Dictionary<string, double> { ["poetry"] = 1 } },
            "kind-share" => Valid with { TextKindShares = new Dictionary<string, double> { ["word"] = double.NaN } },
            "codecs" => Valid with { Codecs = ["wma"] },
            "text" => Valid with { FortunesDirectory = null, TextFiles = [] },
            "clean" => Valid with { Augmentation = new AugmentationOptions { CleanShare = -0.1 } },
            _ => Valid with { Augmentation = new AugmentationOptions { Noise = 1.5 } },
        };
        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains(option, error.Message);
    }
}
