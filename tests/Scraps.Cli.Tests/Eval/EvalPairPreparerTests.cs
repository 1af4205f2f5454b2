using Scraps.Audio;
using Scraps.Cli.Eval;
using Scraps.Cli.Tests.Eval.Support;
using Scraps.Inference.Manifests;
using Scraps.Inference.Scoring;
using Scraps.Phonetics;

namespace Scraps.Cli.Tests.Eval;

public sealed class EvalPairPreparerTests : IDisposable
{
    private static readonly string Speech = Path.Combine(AppContext.BaseDirectory, "testdata", "audio", "speech_16k_pcm16.wav");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "scraps-cli-eval-tests", Guid.NewGuid().ToString("N"));

    public EvalPairPreparerTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static EvalPairPreparer Preparer(IPhonemizer? phonemizer) => new(new ScrapsScorer(EvalTestPackage.Model, phonemizer));

    private static EvalManifestLine Line(string audio, string? text, string? phonemes) =>
        new(1, new ScoringManifestEntry("u1", audio, text, phonemes), audio);

    [Fact]
    public void Computes_standardised_features_once_and_parses_X_SAMPA()
    {
        var pair = Preparer(null).TryPrepare(Line(Speech, null, "h @ l \" oU"), out var reason);

        Assert.NotNull(pair);
        Assert.Empty(reason);
        Assert.Null(pair!.Text);
        Assert.Equal(XSampaParser.Parse("h @ l \" oU", PhonemeInventory.EnglishUs).ToIds().Select(id => (long)id), pair.Phonemes);
        var expected = new LogMelExtractor().Compute(AudioFrontEnd.LoadMono16kFile(Speech));
        EvalTestPackage.Model.Standardizer.ApplyInPlace(expected.Data);
        Assert.Equal(expected.Frames, pair.Features.Frames);
        Assert.Equal(expected.Data, pair.Features.Data);
        Assert.All(pair.Features.Data, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Phonemises_a_transcript_and_keeps_it_for_word_swaps_but_explicit_phonemes_win()
    {
        using var espeak = EvalTestPackage.Model.CreatePhonemizer();

        var fromText = Preparer(espeak).TryPrepare(Line(Speech, "Alexa, end this call.", null), out _);
        var both = Preparer(espeak).TryPrepare(Line(Speech, "Alexa, end this call.", "h @"), out _);

        Assert.Equal("Alexa, end this call.", fromText!.Text);
        Assert.Equal(espeak.Phonemize("Alexa, end this call.").ToIds().Select(id => (long)id), fromText.Phonemes);
        Assert.Null(both!.Text);
        Assert.Equal(2, both.Phonemes.Length);
    }

    [Fact]
    public void Refuses_text_without_a_phonemiser()
    {
        Assert.Null(Preparer(null).TryPrepare(Line(Speech, "Hello.", null), out var reason));
        Assert.Contains("no phonemizer", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_unknown_phonemes_and_more_phonemes_than_the_model_takes()
    {
        Assert.Null(Preparer(null).TryPrepare(Line(Speech, null, "h QQ"), out var unknown));
        Assert.Contains("'QQ'", unknown, StringComparison.Ordinal);

        var max = EvalTestPackage.Model.Phonetic.MaxLength;
        Assert.Null(Preparer(null).TryPrepare(Line(Speech, null, string.Join(' ', Enumerable.Repeat("h", max + 1))), out var tooMany));
        Assert.Equal($"has {max + 1} phonemes; the model takes at most {max}", tooMany);
    }

    [Fact]
    public void Refuses_missing_undecodable_and_too_long_audio()
    {
        var missing = Path.Combine(_folder, "none.wav");
        Assert.Null(Preparer(null).TryPrepare(Line(missing, null, "h"), out var notFound));
        Assert.Equal($"audio file not found: {missing}", notFound);

        var garbage = Path.Combine(_folder, "garbage.wav");
        File.WriteAllBytes(garbage, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
        Assert.Null(Preparer(null).TryPrepare(Line(garbage, null, "h"), out var undecodable));
        Assert.StartsWith($"audio {garbage} cannot be decoded: ", undecodable, StringComparison.Ordinal);

        var maxFrames = EvalTestPackage.Model.Acoustic.MaxFrames;
        var longClip = Path.Combine(_folder, "long.wav");
        WavWriter.WritePcm16(longClip, new float[(maxFrames + 10) * 200], 16000);
        Assert.Null(Preparer(null).TryPrepare(Line(longClip, null, "h"), out var tooLong));
        Assert.EndsWith($"the model takes at most {maxFrames}", tooLong, StringComparison.Ordinal);
    }
}
