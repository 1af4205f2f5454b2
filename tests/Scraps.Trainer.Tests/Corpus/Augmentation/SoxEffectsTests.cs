using Scraps.Trainer.Corpus.Augmentation;

namespace Scraps.Trainer.Tests.Corpus.Augmentation;

public class SoxEffectsTests
{
    [Fact]
    public async Task Tempo_changes_length_not_pitch_and_is_deterministic()
    {
        var tone = TestSignals.Sine(440, 1);
        var faster = await SoxEffects.TempoAndPitchAsync(tone, 16000, 1.25, 0, CancellationToken.None);
        Assert.InRange(faster.Length, 12400, 13200);
        Assert.True(TestSignals.ToneAmplitude(faster.AsSpan(1000, 10000), 440) > 0.3);
        Assert.Equal(faster, await SoxEffects.TempoAndPitchAsync(tone, 16000, 1.25, 0, CancellationToken.None));
    }

    [Fact]
    public async Task Pitch_moves_a_tone_by_semitones()
    {
        var tone = TestSignals.Sine(440, 1);
        var octave = await SoxEffects.TempoAndPitchAsync(tone, 16000, 1, 12, CancellationToken.None);
        Assert.InRange(octave.Length, 15500, 16500);
        Assert.True(TestSignals.ToneAmplitude(octave.AsSpan(2000, 10000), 880) > 3 * TestSignals.ToneAmplitude(octave.AsSpan(2000, 10000), 440));
    }

    [Fact]
    public async Task Neutral_settings_return_the_input()
    {
        var tone = TestSignals.Sine(440, 0.1);
        Assert.Same(tone, await SoxEffects.TempoAndPitchAsync(tone, 16000, 1, 0, CancellationToken.None));
    }
}
