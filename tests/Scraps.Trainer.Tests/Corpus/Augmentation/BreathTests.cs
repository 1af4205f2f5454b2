using Scraps.Trainer.Corpus.Augmentation;

namespace Scraps.Trainer.Tests.Corpus.Augmentation;

public class BreathTests
{
    [Fact]
    public void A_breath_is_band_limited_noise_at_its_level_that_fades_in_and_out()
    {
        var breath = Breath.Generate(new BreathPlan(0.5, -20, 0.1, 7), 16000, speechPower: 0.01);
        Assert.Equal(8000, breath.Length);
        Assert.Equal(-20, 10 * Math.Log10(NoiseGenerator.Power(breath) / 0.01), 1);

        var low = breath.ToArray();
        var band = breath.ToArray();
        Biquad.LowPass(150, 16000).Process(low);
        Biquad.HighPass(800, 16000).Process(band);
        Biquad.LowPass(2500, 16000).Process(band);
        Assert.True(TestSignals.Rms(band) > 5 * TestSignals.Rms(low), "breath noise lies in the 500-3000 Hz band");
        Assert.True(TestSignals.Rms(breath.AsSpan(0, 200)) < 0.2 * TestSignals.Rms(breath.AsSpan(2500, 1000)));
        Assert.True(TestSignals.Rms(breath.AsSpan(7800, 200)) < 0.2 * TestSignals.Rms(breath.AsSpan(2500, 1000)));
    }
}
