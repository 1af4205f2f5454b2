using Scraps.Inference.Manifests;

namespace Scraps.Inference.Tests.Manifests;

public sealed class ScoringManifestEntryTests
{
    [Fact]
    public void Parse_reads_the_design_example_line()
    {
        var entry = ScoringManifestEntry.Parse("""{"id": "u1", "audio": "wavs/u1.wav", "text": "Hello there.", "phonemes": null, "speaker": "s1"}""");

        Assert.Equal(new ScoringManifestEntry("u1", "wavs/u1.wav", "Hello there.", null) { Speaker = "s1" }, entry);
    }

    [Fact]
    public void Parse_keeps_the_corpus_builders_kind()
    {
        var entry = ScoringManifestEntry.Parse("""{"id": "syn1", "audio": "a.wav", "text": "Seven.", "duration": 1.25, "textKind": "word"}""");
        var plain = ScoringManifestEntry.Parse("""{"id": "u1", "audio": "a.wav", "text": "Seven."}""");
        var odd = ScoringManifestEntry.Parse("""{"id": "u2", "audio": "a.wav", "text": "Seven.", "textKind": 3}""");

        Assert.Equal("word", entry.TextKind);
        Assert.Null(plain.TextKind);
        Assert.Null(odd.TextKind);
        Assert.Equal("Seven.", odd.Text);
    }

    [Fact]
    public void Parse_accepts_phonemes_without_text()
    {
        var entry = ScoringManifestEntry.Parse("""{"id": "u2", "audio": "a.wav", "phonemes": "h @"}""");

        Assert.Null(entry.Text);
        Assert.Equal("h @", entry.Phonemes);
    }

    [Theory]
    [InlineData("{not json", "bad JSON")]
    [InlineData("[1, 2]", "JSON object")]
    [InlineData("""{"audio": "a.wav", "text": "x"}""", "missing 'id'")]
    [InlineData("""{"id": "u", "text": "x"}""", "no 'audio'")]
    [InlineData("""{"id": "u", "audio": "a.wav", "text": "  "}""", "neither 'text' nor 'phonemes'")]
    [InlineData("""{"id": 5, "audio": "a.wav", "text": "x"}""", "'id' must be a string")]
    public void Parse_says_what_is_wrong(string line, string expected)
    {
        var e = Assert.Throws<FormatException>(() => ScoringManifestEntry.Parse(line));

        Assert.Contains(expected, e.Message);
    }
}
