using Scraps.Model.Training;

namespace Scraps.Model.Tests.Training;

public sealed class TrainingOptionsTests
{
    private static readonly TrainingOptions Valid = new() { Config = TrainingTestConfigs.Tiny(12) };

    [Fact]
    public void Defaults_follow_the_paper_and_are_valid()
    {
        Valid.Validate();
        Assert.Equal(5e-4, Valid.LearningRate);
        Assert.Equal(128, Valid.BatchSize);
        Assert.Equal(128, Valid.ValidationBatchSize);
    }

    [Theory]
    [InlineData("BatchSize")]
    [InlineData("LearningRate")]
    [InlineData("MaxFramesPerBatch")]
    [InlineData("GradientClipNorm")]
    [InlineData("Steps")]
    [InlineData("FrequencyMasks")]
    [InlineData("NoiseAugmentProbability")]
    [InlineData("MixAugmentProbability")]
    [InlineData("AugmentMaxAlpha")]
    public void Validate_names_the_option_that_is_out_of_range(string option)
    {
        var bad = option switch
        {
            "BatchSize" => Valid with { BatchSize = 1 },
            "LearningRate" => Valid with { LearningRate = double.NaN },
            "MaxFramesPerBatch" => Valid with { MaxFramesPerBatch = 1000, MaxClipFrames = 1600 },
            "GradientClipNorm" => Valid with { GradientClipNorm = -1 },
            "Steps" => Valid with { Steps = 0 },
            "NoiseAugmentProbability" => Valid with { NoiseAugmentProbability = -0.1 },
            "MixAugmentProbability" => Valid with { NoiseAugmentProbability = 0.6, MixAugmentProbability = 0.5 },
            "AugmentMaxAlpha" => Valid with { AugmentMaxAlpha = 0 },
            _ => Valid with { FrequencyMaskMaxBins = 81 },
        };
        var e = Assert.Throws<ArgumentException>(bad.Validate);
        Assert.Contains(option, e.Message);
    }

    [Fact]
    public void Validate_rejects_a_config_without_a_vocabulary()
    {
        var e = Assert.Throws<ArgumentException>((Valid with { Config = TrainingTestConfigs.Tiny(0) }).Validate);
        Assert.Contains("vocabSize", e.Message);
    }
}
