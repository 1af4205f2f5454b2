using Scraps.Audio;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Tests.Corpus.Synthesis;

public class FestivalSynthesizerTests
{
    [Fact]
    public void Scripts_set_rate_and_pitch_per_voice_kind_and_escape_text()
    {
        var script = FestivalSynthesizer.BuildScript(
        [
            new SynthesisRequest("kal_diphone", "Say \"hi\" \\ now.", new SynthesisSettings(1.25, 1.1), "/tmp/a.wav"),
            new SynthesisRequest("cmu_us_slt_arctic_hts", "Hello.", new SynthesisSettings(0.9, 2.0), "/tmp/b.wav"),
        ]);

        Assert.Contains("(voice_kal_diphone)", script);
        Assert.Contains("(Parameter.set 'Duration_Stretch 0.8)", script);
        Assert.Contains("(* 1.1 (car (cdr (assoc 'target_f0_mean int_lr_params))))", script);
        Assert.Contains("(Utterance Text \"Say \\\"hi\\\" \\\\ now.\")", script);
        Assert.Contains("(list \"-r\" 0.9) (list \"-fm\" 12)", script);
        Assert.Contains("\"/tmp/b.wav\" 'riff)", script);
    }

    [Fact]
    public void Rejects_voice_names_that_would_inject_scheme() =>
        Assert.Throws<ArgumentException>(() => FestivalSynthesizer.BuildScript([new SynthesisRequest("x) (system \"rm\"", "Hi.", SynthesisSettings.Default, "/tmp/x.wav")]));

    [Fact]
    public async Task Synthesizes_a_batch_with_rate_control()
    {
        var festival = FestivalSynthesizer.Discover();
        Assert.NotNull(festival);

        using var folder = new TempFolder();
        var voice = festival.Voices[0];
        var requests = new[]
        {
            new SynthesisRequest(voice, "Hello there.", SynthesisSettings.Default, folder.File("a.wav")),
            new SynthesisRequest(voice, "Hello there.", new SynthesisSettings(1.25, 1.0), folder.File("b.wav")),
        };
        await festival.SynthesizeAsync(requests, folder.Path, CancellationToken.None);

        var normal = AudioDecoder.DecodeFile(requests[0].OutputPath);
        var fast = AudioDecoder.DecodeFile(requests[1].OutputPath);
        Assert.True(fast.Duration < normal.Duration * 0.95, $"rate 1.25 should be shorter: {fast.Duration} vs {normal.Duration}");
    }
}
