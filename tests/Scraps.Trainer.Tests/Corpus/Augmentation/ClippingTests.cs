using Scraps.Trainer.Corpus.Augmentation;

namespace Scraps.Trainer.Tests.Corpus.Augmentation;

public class ClippingTests
{
    [Theory]
    [InlineData(0.005)]
    [InlineData(0.03)]
    public void The_drawn_share_of_samples_ends_flat_topped(double share)
    {
        var signal = NoiseGenerator.White(16000, 3);
        var level = Clipping.Apply(signal, share);
        var atLevel = signal.Count(s => Math.Abs(Math.Abs(s) - level) < 1e-7);
        Assert.InRange(atLevel / 16000.0, share * 0.9, (share * 1.1) + (1.0 / 16000));
        Assert.All(signal, s => Assert.True(Math.Abs(s) <= level));
    }
}
