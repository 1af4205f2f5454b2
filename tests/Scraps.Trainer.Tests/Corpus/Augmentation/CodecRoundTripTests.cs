using Scraps.Trainer.Corpus.Augmentation;

namespace Scraps.Trainer.Tests.Corpus.Augmentation;

public class CodecRoundTripTests
{
    [Theory]
    [InlineData(CodecPlan.Mp3, 24, 0.35)]
    [InlineData(CodecPlan.Opus, 6, 0.25)]
    [InlineData(CodecPlan.Opus, 16, 0.35)]
    [InlineData(CodecPlan.Gsm, 13, 0.3)]
    [InlineData(CodecPlan.AmrNb, 4.75, 0.25)]
    public async Task Round_trips_keep_the_content_and_are_deterministic(string format, double kbps, double minimum)
    {
        var tone = TestSignals.Sine(440, 1);
        var decoded = await CodecRoundTrip.ApplyAsync(tone, 16000, new CodecPlan(format, kbps), CancellationToken.None);
        Assert.InRange(decoded.Length, 15000, 18000);
        Assert.InRange(TestSignals.ToneAmplitude(decoded.AsSpan(2000, 12000), 440), minimum, 0.65);
        Assert.Equal(decoded, await CodecRoundTrip.ApplyAsync(tone, 16000, new CodecPlan(format, kbps), CancellationToken.None));
    }

    [Theory]
    [InlineData(CodecPlan.Gsm)]
    [InlineData(CodecPlan.AmrNb)]
    public async Task Telephone_codecs_remove_the_band_above_4_kHz(string format)
    {
        var treble = TestSignals.Sine(6000, 1);
        var decoded = await CodecRoundTrip.ApplyAsync(treble, 16000, new CodecPlan(format, 12.2), CancellationToken.None);
        Assert.True(TestSignals.ToneAmplitude(decoded.AsSpan(2000, 12000), 6000) < 0.02);
    }

    [Fact]
    public async Task Rejects_an_unknown_codec_and_checks_the_installed_ones()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CodecRoundTrip.ApplyAsync(new float[100], 16000, new CodecPlan("wma", 32), CancellationToken.None));
        await CodecRoundTrip.CheckAvailableAsync(CodecPlan.Formats, CancellationToken.None);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => CodecRoundTrip.CheckAvailableAsync(["wma"], CancellationToken.None));
        Assert.Contains("--codecs", error.Message);
    }
}
