using Scraps.Audio;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Tests.Corpus.Synthesis;

public class EspeakSynthesizerTests
{
    [Fact]
    public void Parses_the_voice_listing()
    {
        const string listing = """
            Pty Language       Age/Gender VoiceName          File                 Other Languages
             2  en-gb           --/M      English_(Great_Britain) gmw/en               (en 2)
             5  en-us           --/M      us-mbrola-2        mb/mb-us2            (en 7)
             5  variant         --/M      Storm              !v/Storm             (en-us 5)
             5  variant         --/M      Mr_Serious         !v/Mr serious
             5  en-us-nyc       --/M      English_(America,_New_York_City) gmw/en-US-nyc
            """;
        // "!v/Mr serious" cannot be asked for by name (espeak-ng falls back to its default variant), so it is left out.
        Assert.Equal(
            [("en-gb", "gmw/en"), ("en-us", "mb/mb-us2"), ("variant", "!v/Storm"), ("en-us-nyc", "gmw/en-US-nyc")],
            EspeakSynthesizer.ParseVoiceList(listing).ToArray());
    }

    [Fact]
    public async Task Discovers_english_accents_without_mbrola_and_synthesizes_with_rate()
    {
        var espeak = await EspeakSynthesizer.DiscoverAsync(CancellationToken.None);
        Assert.NotNull(espeak);

        Assert.Contains("en-us", espeak.Accents);
        Assert.Contains("en-gb-scotland", espeak.Accents);
        Assert.Contains("f1", espeak.Variants);
        Assert.Contains("en-us+f1", espeak.Voices);
        Assert.DoesNotContain(espeak.Voices, v => v.StartsWith("mb-", StringComparison.Ordinal));

        using var folder = new TempFolder();
        var slow = new SynthesisRequest("en-gb+m1", "Testing one two three.", new SynthesisSettings(0.8, 1.0), folder.File("slow.wav"));
        var fast = slow with { Settings = new SynthesisSettings(1.3, 1.0), OutputPath = folder.File("fast.wav") };
        await espeak.SynthesizeAsync([slow, fast], folder.Path, CancellationToken.None);
        Assert.True(AudioDecoder.DecodeFile(fast.OutputPath).Duration < AudioDecoder.DecodeFile(slow.OutputPath).Duration * 0.8);
    }
}
