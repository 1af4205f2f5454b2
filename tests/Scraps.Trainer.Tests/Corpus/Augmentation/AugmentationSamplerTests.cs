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
                AugmentationSampler.Draw(SeededRandom.For(1, "clip", i), options, 4, CodecPlan.Formats),
                AugmentationSampler.Draw(SeededRandom.For(1, "clip", i), options, 4, CodecPlan.Formats));
        }
    }

    [Fact]
    public void Every_augmentation_is_drawn_at_its_share_within_its_ranges()
    {
        var options = new AugmentationOptions { CleanShare = 0 };
        var plans = Enumerable.Range(0, 4000).Select(i => AugmentationSampler.Draw(SeededRandom.For(2, "clip", i), options, 4, CodecPlan.Formats)).ToArray();
        foreach (var kind in AugmentationKinds.All.Where(k => k.Name != "clean-share"))
        {
            var share = plans.Count(kind.Applied) / 4000.0;
            Assert.True(Math.Abs(share - kind.Get(options)) < 0.03, $"{kind.Name}: drawn for {share:P1} of clips, share {kind.Get(options)}");
        }

        Assert.Equal(NoisePlan.Kinds.Order(), plans.Where(p => p.Noise is not null).Select(p => p.Noise!.Kind).Distinct().Order());
        Assert.Equal(CodecPlan.Formats.Order(), plans.Where(p => p.Codec is not null).Select(p => p.Codec!.Format).Distinct().Order());
        Assert.All(plans, p =>
        {
            Assert.InRange(p.Formant, 0.88, 1.2);
            Assert.InRange(p.Tempo, 0.8, 1.2);
            Assert.InRange(p.Noise?.SnrDb ?? 0, 0, 20);
            Assert.InRange(p.Babble?.SnrDb ?? 0, 0, 20);
            Assert.InRange(p.Room?.Rt60 ?? 0.5, 0.15, 0.9);
            Assert.InRange(p.PeakLevel, 0.1, 0.95);
        });
        Assert.All(plans.Where(p => p.Codec?.Format == CodecPlan.Opus), p => Assert.InRange(p.Codec!.Kbps, 6, 16));
        Assert.All(plans.Where(p => p.Codec?.Format == CodecPlan.Mp3), p => Assert.InRange(p.Codec!.Kbps, 24, 32));
    }

    [Fact]
    public void No_options_give_clean_clips_and_no_babble_without_tracks()
    {
        var plans = Enumerable.Range(0, 200).Select(i => AugmentationSampler.Draw(SeededRandom.For(3, "clip", i), AugmentationOptions.None, 0, CodecPlan.Formats)).ToArray();
        Assert.All(plans, p => Assert.Equal(AugmentationPlan.None with { PeakLevel = p.PeakLevel }, p));
        var noisy = Enumerable.Range(0, 500).Select(i => AugmentationSampler.Draw(SeededRandom.For(3, "clip", i), new AugmentationOptions { Babble = 1 }, 0, CodecPlan.Formats));
        Assert.DoesNotContain(noisy, p => p.Babble is not null);
    }
}
