using Scraps.Audio;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Tests.Corpus.Synthesis;

public class FliteSynthesizerTests
{
    [Fact]
    public void Parses_the_voice_listing_without_the_clock_voice() =>
        Assert.Equal(["awb", "kal", "kal16", "rms", "slt"], FliteSynthesizer.ParseVoices("Voices available: kal awb_time kal16 awb rms slt \n"));

    [Fact]
    public async Task Synthesizes_with_a_duration_stretch()
    {
        var flite = await FliteSynthesizer.DiscoverAsync(CancellationToken.None);
        Assert.NotNull(flite);

        using var folder = new TempFolder();
        var normal = new SynthesisRequest("slt", "Testing one two three.", SynthesisSettings.Default, folder.File("a.wav"));
        var slow = normal with { Settings = new SynthesisSettings(0.8, 0.9), OutputPath = folder.File("b.wav") };
        await flite.SynthesizeAsync([normal, slow], folder.Path, CancellationToken.None);
        Assert.True(AudioDecoder.DecodeFile(slow.OutputPath).Duration > AudioDecoder.DecodeFile(normal.OutputPath).Duration * 1.1);
    }
}
