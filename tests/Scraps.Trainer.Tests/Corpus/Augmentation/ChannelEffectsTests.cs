using Scraps.Trainer.Corpus.Augmentation;

namespace Scraps.Trainer.Tests.Corpus.Augmentation;

public class ChannelEffectsTests
{
    private static readonly EqBand Flat = new(1000, 0, 1);

    [Fact]
    public async Task A_peaking_band_changes_a_tone_at_its_centre_by_its_gain_and_leaves_others()
    {
        var plan = AugmentationPlan.None with { Eq = new EqPlan(30, new EqBand(200, 0, 1), new EqBand(1000, 8, 2), new EqBand(4000, -6, 2), 0, 0) };
        Assert.InRange(await GainDb(plan, 1000), 7, 9);
        Assert.InRange(await GainDb(plan, 4000), -7, -5);
        Assert.InRange(await GainDb(plan, 2200), -1.5, 1.5);
    }

    [Fact]
    public async Task The_microphone_high_pass_cuts_rumble()
    {
        var plan = AugmentationPlan.None with { Eq = new EqPlan(200, Flat, Flat, Flat, 0, 0) };
        Assert.True(await GainDb(plan, 50) < -20);
        Assert.InRange(await GainDb(plan, 1000), -0.5, 0.5);
    }

    [Theory]
    [InlineData(300, 3400, 5000, 2000)]
    [InlineData(0, 4000, 5000, 3000)]
    [InlineData(50, 7000, 7700, 5000)]
    public async Task A_band_limit_removes_energy_above_its_band(double low, double high, double outside, double inside)
    {
        var plan = AugmentationPlan.None with { BandLimit = new BandLimitPlan(low, high) };
        Assert.True(await GainDb(plan, outside) < -50, $"{outside} Hz should be cut by a {high} Hz band limit");
        Assert.InRange(await GainDb(plan, inside), -1, 1);
        if (low >= 300)
        {
            Assert.True(await GainDb(plan, 100) < -30);
        }
    }

    [Fact]
    public async Task Compression_shrinks_the_gap_between_loud_and_quiet_passages()
    {
        var signal = TestSignals.Sine(500, 1, amplitude: 0.5).Concat(TestSignals.Sine(500, 1, amplitude: 0.05)).ToArray();
        var plan = AugmentationPlan.None with { Compression = new CompressionPlan(-30, 6, 0.005, 0.05) };
        var output = await SoxEffects.RunAsync(signal, 16000, ChannelEffects.Arguments(plan), CancellationToken.None);
        var before = 20 * Math.Log10(TestSignals.Rms(signal.AsSpan(4000, 8000)) / TestSignals.Rms(signal.AsSpan(20000, 8000)));
        var after = 20 * Math.Log10(TestSignals.Rms(output.AsSpan(4000, 8000)) / TestSignals.Rms(output.AsSpan(20000, 8000)));
        Assert.Equal(20, before, 1);
        Assert.True(after < 14, $"loud minus quiet: {before:0.0} dB before, {after:0.0} dB after compression");
    }

    [Fact]
    public void No_channel_augmentation_means_no_sox_effects() => Assert.Empty(ChannelEffects.Arguments(AugmentationPlan.None));

    private static async Task<double> GainDb(AugmentationPlan plan, double frequency)
    {
        var tone = TestSignals.Sine(frequency, 1, amplitude: 0.5);
        var output = await SoxEffects.RunAsync(tone, 16000, ChannelEffects.Arguments(plan), CancellationToken.None);
        return 20 * Math.Log10(TestSignals.ToneAmplitude(output.AsSpan(4000, 8000), frequency) / TestSignals.ToneAmplitude(tone.AsSpan(4000, 8000), frequency));
    }
}
