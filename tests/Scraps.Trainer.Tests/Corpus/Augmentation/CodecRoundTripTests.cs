using Scraps.Trainer.Corpus.Augmentation;

namespace Scraps.Trainer.Tests.Corpus.Augmentation;

public class CodecRoundTripTests
{
    [Theory]
    [InlineData(CodecPlan.Mp3, 32)]
    [InlineData(CodecPlan.Opus, 16)]
    public async Task Round_trips_keep_the_content_and_are_deterministic(string format, int kbps)
    {
        var tone = TestSignals.Sine(440, 1);
        var decoded = await CodecRoundTrip.ApplyAsync(tone, 16000, new CodecPlan(format, kbps), CancellationToken.None);
        Assert.InRange(decoded.Length, 15000, 18000);
        Assert.InRange(TestSignals.ToneAmplitude(decoded.AsSpan(2000, 12000), 440), 0.35, 0.65);
        Assert.Equal(decoded, await CodecRoundTrip.ApplyAsync(tone, 16000, new CodecPlan(format, kbps), CancellationToken.None));
    }

    [Fact]
    public async Task Rejects_an_unknown_codec() =>
        await Assert.ThrowsAsync<ArgumentException>(() => CodecRoundTrip.ApplyAsync(new float[100], 16000, new CodecPlan("wma", 32), CancellationToken.None));
}
