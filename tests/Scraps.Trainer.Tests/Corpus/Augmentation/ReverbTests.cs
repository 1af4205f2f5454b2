using Scraps.Trainer.Corpus.Augmentation;

namespace Scraps.Trainer.Tests.Corpus.Augmentation;

public class ReverbTests
{
    [Fact]
    public void The_impulse_response_decays_60_db_over_rt60()
    {
        var response = Reverb.ImpulseResponse(16000, 0.5, 3);
        Assert.Equal(8000, response.Length);
        Assert.Equal(1f, response[0]);
        var early = TestSignals.Rms(response.AsSpan(1, 800));
        var late = TestSignals.Rms(response.AsSpan(7200, 800));
        Assert.InRange(20 * Math.Log10(early / late), 45, 60);
    }

    [Fact]
    public void Adds_a_tail_and_keeps_the_level()
    {
        var dry = TestSignals.Sine(300, 0.5);
        var wet = Reverb.Apply(dry, 16000, new ReverbPlan(0.4, 0.5, 7));
        Assert.Equal(dry.Length + 6400 - 1, wet.Length);
        Assert.True(TestSignals.Rms(wet.AsSpan(dry.Length, 1000)) > 0.01, "the room should ring on after the sound stops");
        Assert.InRange(TestSignals.Rms(wet.AsSpan(0, dry.Length)) / TestSignals.Rms(dry), 0.5, 1.5);
        Assert.Equal(wet, Reverb.Apply(dry, 16000, new ReverbPlan(0.4, 0.5, 7)));
    }
}
