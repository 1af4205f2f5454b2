using Scraps.Trainer.Corpus.Augmentation;

namespace Scraps.Trainer.Tests.Corpus.Augmentation;

public class AugmenterTests
{
    private static readonly Augmenter Augmenter = new(null);

    [Fact]
    public async Task Speed_and_padding_change_the_length_and_the_peak_is_set()
    {
        var tone = TestSignals.Sine(300, 1);
        var plan = AugmentationPlan.None with { Speed = 1.1, LeadSilence = 0.25, TrailSilence = 0.5, PeakLevel = 0.3 };
        var output = (await Augmenter.ApplyAsync(tone, plan, CancellationToken.None)).Samples;
        Assert.InRange(output.Length, (int)(16000 / 1.1) + 12000 - 10, (int)(16000 / 1.1) + 12000 + 10);
        Assert.Equal(0.3, output.Max(MathF.Abs), 4);
        Assert.All(output.AsSpan(0, 3900).ToArray(), s => Assert.Equal(0f, s));
    }

    [Fact]
    public async Task A_formant_factor_scales_every_frequency_and_the_length()
    {
        // On its own (the synthesizer compensates rate and pitch beforehand) the factor resamples: a 300 Hz tone moves to 330 Hz.
        var output = (await Augmenter.ApplyAsync(TestSignals.Sine(300, 1), AugmentationPlan.None with { Formant = 1.1 }, CancellationToken.None)).Samples;
        Assert.InRange(output.Length, 14540 - 5, 14550 + 5);
        Assert.True(TestSignals.ToneAmplitude(output.AsSpan(1000, 12000), 330) > 5 * TestSignals.ToneAmplitude(output.AsSpan(1000, 12000), 300));
    }

    [Fact]
    public async Task A_breath_sits_in_the_lead_in_below_the_speech()
    {
        var tone = TestSignals.Sine(300, 1);
        var plan = AugmentationPlan.None with { Breath = new BreathPlan(0.4, -20, 0.1, 4), PeakLevel = 0.5 };
        var output = (await Augmenter.ApplyAsync(tone, plan, CancellationToken.None)).Samples;
        var lead = output.Length - tone.Length;
        Assert.Equal(8000, lead); // 0.4 s of breath and 0.1 s of gap before the speech
        var breath = TestSignals.Rms(output.AsSpan(0, 6400));
        var speech = TestSignals.Rms(output.AsSpan(lead));
        Assert.InRange(20 * Math.Log10(breath / speech), -24, -16);
        Assert.True(TestSignals.Rms(output.AsSpan(6500, 1400)) < 1e-6, "a gap between breath and speech");
    }

    [Fact]
    public async Task Every_augmentation_together_is_deterministic()
    {
        var tone = TestSignals.Sine(300, 1);
        var plan = new AugmentationPlan(
            1.05, 0.95, 1.1, -1.5, new BreathPlan(0.3, -20, 0.1, 2), 0.1, 0.1, new RoomPlan(5, 4, 3, 0.4, 1.5, 3), new NoisePlan(NoisePlan.Hum, 15, 6), null,
            new EqPlan(80, new EqBand(200, 3, 1), new EqBand(1000, -4, 2), new EqBand(3000, 5, 1.5), 2, -3), new CompressionPlan(-25, 4, 0.01, 0.2),
            new BandLimitPlan(0, 4000), 0.01, true, new CodecPlan(CodecPlan.Gsm, 13), 0.8);
        var a = (await Augmenter.ApplyAsync(tone, plan, CancellationToken.None)).Samples;
        var b = (await Augmenter.ApplyAsync(tone, plan, CancellationToken.None)).Samples;
        Assert.Equal(a, b);
        Assert.NotEqual(tone.Length, a.Length);
    }

    [Fact]
    public async Task Babble_without_a_bank_and_silent_audio_are_clear_errors()
    {
        var babble = AugmentationPlan.None with { Babble = new BabblePlan(0, 10, 1) };
        await Assert.ThrowsAsync<InvalidOperationException>(() => Augmenter.ApplyAsync(TestSignals.Sine(300, 0.1), babble, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidDataException>(() => Augmenter.ApplyAsync(new float[1600], AugmentationPlan.None, CancellationToken.None));
    }
}
