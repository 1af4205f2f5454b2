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
        var output = await Augmenter.ApplyAsync(tone, plan, CancellationToken.None);
        Assert.InRange(output.Length, (int)(16000 / 1.1) + 12000 - 10, (int)(16000 / 1.1) + 12000 + 10);
        Assert.Equal(0.3, output.Max(MathF.Abs), 4);
        Assert.All(output.AsSpan(0, 3900).ToArray(), s => Assert.Equal(0f, s));
    }

    [Fact]
    public async Task Every_augmentation_together_is_deterministic()
    {
        var tone = TestSignals.Sine(300, 1);
        var plan = new AugmentationPlan(0.95, 1.1, -1.5, new ReverbPlan(0.3, 0.3, 5), 0.1, 0.1, new NoisePlan(NoisePlan.Pink, 15, 6, 0), true, new CodecPlan(CodecPlan.Opus, 24), 0.8);
        var a = await Augmenter.ApplyAsync(tone, plan, CancellationToken.None);
        var b = await Augmenter.ApplyAsync(tone, plan, CancellationToken.None);
        Assert.Equal(a, b);
        Assert.NotEqual(tone.Length, a.Length);
    }

    [Fact]
    public async Task Babble_without_a_bank_and_silent_audio_are_clear_errors()
    {
        var babble = AugmentationPlan.None with { Noise = new NoisePlan(NoisePlan.Babble, 10, 1, 0) };
        await Assert.ThrowsAsync<InvalidOperationException>(() => Augmenter.ApplyAsync(TestSignals.Sine(300, 0.1), babble, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidDataException>(() => Augmenter.ApplyAsync(new float[1600], AugmentationPlan.None, CancellationToken.None));
    }
}
