using Scraps.Trainer.Corpus.Augmentation;

namespace Scraps.Trainer.Tests.Corpus.Augmentation;

public class TelephoneChannelTests
{
    [Fact]
    public void Keeps_the_voice_band_and_removes_what_lies_outside()
    {
        var voice = TestSignals.Sine(1000, 1);
        var treble = TestSignals.Sine(6000, 1);
        var bass = TestSignals.Sine(100, 1);
        Assert.InRange(TestSignals.ToneAmplitude(TelephoneChannel.Apply(voice, 16000).AsSpan(1600, 12800), 1000), 0.4, 0.6);
        Assert.True(TestSignals.ToneAmplitude(TelephoneChannel.Apply(treble, 16000).AsSpan(1600, 12800), 6000) < 0.01);
        Assert.True(TestSignals.ToneAmplitude(TelephoneChannel.Apply(bass, 16000).AsSpan(1600, 12800), 100) < 0.1);
    }

    [Theory]
    [InlineData(0.5f)]
    [InlineData(-0.01f)]
    [InlineData(0.9f)]
    public void Mu_law_round_trip_error_is_small_relative_to_the_sample(float x) =>
        Assert.InRange(Math.Abs(TelephoneChannel.MuLawRoundTrip(x) - x), 0, (Math.Abs(x) * 0.05) + 0.001);
}
