using Scraps.Trainer.Corpus.Augmentation;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Tests.Corpus.Augmentation;

public class AugmentationSamplerTests
{
    [Fact]
    public void The_same_generator_state_gives_the_same_plan()
    {
        var options = new AugmentationOptions();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(
                AugmentationSampler.Draw(SeededRandom.For(1, "clip", i), options, 4),
                AugmentationSampler.Draw(SeededRandom.For(1, "clip", i), options, 4));
        }
    }

    [Fact]
    public void Draw_frequencies_follow_the_options()
    {
        var options = new AugmentationOptions { CleanShare = 0 };
        var plans = Enumerable.Range(0, 4000).Select(i => AugmentationSampler.Draw(SeededRandom.For(2, "clip", i), options, 4)).ToArray();
        Assert.InRange(plans.Count(p => p.Noise is not null) / 4000.0, options.NoiseProbability - 0.03, options.NoiseProbability + 0.03);
        Assert.InRange(plans.Count(p => p.Codec is not null) / 4000.0, options.CodecProbability - 0.03, options.CodecProbability + 0.03);
        Assert.InRange(plans.Count(p => p.Telephone) / 4000.0, options.TelephoneProbability - 0.02, options.TelephoneProbability + 0.02);
        Assert.Contains(plans, p => p.Noise?.Kind == NoisePlan.Babble);
        Assert.All(plans, p =>
        {
            Assert.InRange(p.Speed, 0.9, 1.1);
            Assert.InRange(p.Tempo, 0.8, 1.2);
            Assert.InRange(p.PitchSemitones, -3, 3);
            Assert.InRange(p.PeakLevel, 0.1, 0.95);
        });
    }

    [Fact]
    public void No_options_give_clean_clips_and_no_babble_without_tracks()
    {
        var plans = Enumerable.Range(0, 200).Select(i => AugmentationSampler.Draw(SeededRandom.For(3, "clip", i), AugmentationOptions.None, 0)).ToArray();
        Assert.All(plans, p => Assert.Equal(AugmentationPlan.None with { PeakLevel = p.PeakLevel }, p));
        var noisy = Enumerable.Range(0, 500).Select(i => AugmentationSampler.Draw(SeededRandom.For(3, "clip", i), new AugmentationOptions { NoiseProbability = 1 }, 0));
        Assert.DoesNotContain(noisy, p => p.Noise?.Kind == NoisePlan.Babble);
    }
}
