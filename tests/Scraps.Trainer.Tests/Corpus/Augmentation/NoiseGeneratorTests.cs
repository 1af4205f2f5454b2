using Scraps.Trainer.Corpus.Augmentation;

namespace Scraps.Trainer.Tests.Corpus.Augmentation;

public class NoiseGeneratorTests
{
    [Fact]
    public void Noise_is_reproducible_from_its_seed() =>
        Assert.Equal(NoiseGenerator.Pink(1000, 9), NoiseGenerator.Pink(1000, 9));

    [Fact]
    public void Pink_noise_has_more_energy_at_low_than_high_frequencies()
    {
        var pink = NoiseGenerator.Pink(64000, 1);
        var low = pink.ToArray();
        var high = pink.ToArray();
        Biquad.LowPass(500, 16000).Process(low);
        Biquad.HighPass(4000, 16000).Process(high);
        Assert.True(TestSignals.Rms(low) > 2 * TestSignals.Rms(high));
    }

    [Fact]
    public void Brown_noise_falls_off_faster_than_pink()
    {
        static double LowToHigh(float[] noise)
        {
            var low = noise.ToArray();
            var high = noise.ToArray();
            Biquad.LowPass(500, 16000).Process(low);
            Biquad.HighPass(4000, 16000).Process(high);
            return TestSignals.Rms(low) / TestSignals.Rms(high);
        }

        Assert.True(LowToHigh(NoiseGenerator.Brown(64000, 1)) > 3 * LowToHigh(NoiseGenerator.Pink(64000, 1)));
    }

    [Fact]
    public void Hum_is_mains_frequency_and_its_harmonics()
    {
        var hum = NoiseGenerator.Hum(32000, 16000, 4);
        var mains = TestSignals.ToneAmplitude(hum, 50) > TestSignals.ToneAmplitude(hum, 60) ? 50 : 60;
        var harmonics = TestSignals.ToneAmplitude(hum, mains) + TestSignals.ToneAmplitude(hum, 2 * mains) + TestSignals.ToneAmplitude(hum, 3 * mains);
        Assert.True(harmonics > 10 * TestSignals.ToneAmplitude(hum, 1000));
        Assert.Equal(hum, NoiseGenerator.Hum(32000, 16000, 4));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(30)]
    public void Mixes_at_the_requested_snr(double snr)
    {
        var speech = TestSignals.Sine(440, 1);
        var mixed = speech.ToArray();
        NoiseGenerator.Mix(mixed, NoiseGenerator.White(mixed.Length, 2), NoiseGenerator.Power(speech), snr);
        var noise = mixed.Zip(speech, (m, s) => m - s).ToArray();
        var measured = 10 * Math.Log10(NoiseGenerator.Power(speech) / NoiseGenerator.Power(noise));
        Assert.Equal(snr, measured, 1);
    }
}
