using Scraps.Trainer.Corpus.Augmentation;

namespace Scraps.Trainer.Tests.Corpus.Augmentation;

public class BiquadTests
{
    [Fact]
    public void Low_pass_keeps_low_tones_and_cuts_high_ones()
    {
        var low = TestSignals.Sine(200, 0.5);
        var high = TestSignals.Sine(6000, 0.5);
        Biquad.LowPass(1000, 16000).Process(low);
        Biquad.LowPass(1000, 16000).Process(high);
        Assert.InRange(TestSignals.ToneAmplitude(low.AsSpan(800), 200), 0.45, 0.55);
        Assert.True(TestSignals.ToneAmplitude(high.AsSpan(800), 6000) < 0.02);
    }

    [Fact]
    public void High_pass_cuts_low_tones()
    {
        var low = TestSignals.Sine(50, 0.5);
        Biquad.HighPass(300, 8000).Process(low);
        Assert.True(TestSignals.ToneAmplitude(low.AsSpan(800), 50) < 0.02);
    }

    [Fact]
    public void Rejects_a_cutoff_above_nyquist() => Assert.Throws<ArgumentOutOfRangeException>(() => Biquad.LowPass(5000, 8000));
}
