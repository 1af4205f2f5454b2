using System.Text.Json;

namespace Scraps.Data.Tests;

public class ManifestTests
{
    [Fact]
    public void Parses_the_design_example()
    {
        var entry = Manifest.Parse("""{"id": "u1", "audio": "wavs/u1.wav", "text": "Hello there.", "phonemes": null, "speaker": "s1"}""");
        Assert.Equal(new ManifestEntry("u1", "wavs/u1.wav", "Hello there.", null, "s1"), entry);
    }

    [Fact]
    public void Round_trips_every_field_in_one_readable_line()
    {
        var augmentation = JsonDocument.Parse("""{"noise":{"type":"pink","snrDb":12.5}}""").RootElement;
        var entry = new ManifestEntry("a+b", "w/a.wav", "Don't stop.", "h @ l oU", "espeak-ng:en-gb+f3")
        {
            Voice = "espeak-ng:en-gb+f3",
            Synthesizer = "espeak-ng",
            Split = "valid",
            Duration = 1.25,
            Augmentation = augmentation,
        };

        var line = Manifest.Format(entry);
        var parsed = Manifest.Parse(line);

        Assert.DoesNotContain('\n', line);
        Assert.Contains("\"speaker\":\"espeak-ng:en-gb+f3\"", line);
        Assert.Contains("Don't", line);
        Assert.Equal(entry with { Augmentation = null }, parsed with { Augmentation = null });
        Assert.Equal(augmentation.GetRawText(), parsed.Augmentation!.Value.GetRawText());
    }

    [Fact]
    public void Always_writes_the_core_fields()
    {
        Assert.Equal("""{"id":"u","audio":"a.wav","text":"Hi.","phonemes":null,"speaker":null}""", Manifest.Format(new ManifestEntry("u", "a.wav", "Hi.", null, null)));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1, 2]", "JSON object")]
    [InlineData("""{"audio": "a.wav", "text": "x"}""", "'id'")]
    [InlineData("""{"id": "u", "text": "x"}""", "'audio'")]
    [InlineData("""{"id": "u", "audio": "a.wav", "text": " ", "phonemes": null}""", "neither 'text' nor 'phonemes'")]
    [InlineData("""{"id": "u", "audio": "a.wav", "text": 5}""", "'text' must be a string")]
    [InlineData("""{"id": "u", "audio": "a.wav", "text": "x", "split": "holdout"}""", "unknown split")]
    [InlineData("""{"id": "u", "audio": "a.wav", "text": "x", "duration": -1}""", "'duration'")]
    [InlineData("""{"id": "u", "audio": "a.wav", "text": "x", "augmentation": [1]}""", "'augmentation'")]
    public void Rejects_bad_lines_saying_why(string line, string expected)
    {
        var error = Assert.Throws<ManifestFormatException>(() => Manifest.Parse(line));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Reading_streams_lines_with_numbers_and_reports_bad_ones_without_stopping()
    {
        var path = Path.Combine(Path.GetTempPath(), $"manifest-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, """
            {"id": "a", "audio": "a.wav", "text": "One."}

            {"id": "b", "audio": "b.wav"}
            {"id": "a", "audio": "c.wav", "text": "Again."}
            {"id": "d", "audio": "d.wav", "phonemes": "h @", "split": "dev"}
            """);
        try
        {
            var lines = Manifest.Read(path).ToArray();

            Assert.Equal([1, 3, 4, 5], lines.Select(l => l.LineNumber));
            Assert.Equal([true, false, false, true], lines.Select(l => l.IsValid));
            Assert.Contains($"{path}:3:", lines[1].Error);
            Assert.Contains("duplicate id 'a'", lines[2].Error);
            Assert.Equal(DataSplits.Valid, lines[3].Entry!.Split);
            var bad = new List<ManifestLine>();
            Assert.Equal(["a", "d"], Manifest.ReadValid(path, bad.Add).Select(e => e.Id));
            Assert.Equal(2, bad.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_manifest_is_a_file_not_found_error() =>
        Assert.Throws<FileNotFoundException>(() => Manifest.Read("/no/such/manifest.jsonl"));

    [Fact]
    public void Writes_atomically_and_reads_back()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"manifest-{Guid.NewGuid():N}");
        var path = Path.Combine(folder, "sub", "m.jsonl");
        try
        {
            ManifestEntry[] entries = [new("a", "a.wav", "One.", null, null), new("b", "b.wav", null, "h @", "s") { Split = "test" }];
            Manifest.Write(path, entries);
            Assert.Equal(entries, Manifest.ReadValid(path));
            Assert.False(File.Exists(path + ".tmp"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Audio_paths_are_relative_to_the_manifest()
    {
        var entry = new ManifestEntry("a", "wavs/a.wav", "x", null, null);
        Assert.Equal("/data/corpus/wavs/a.wav", Manifest.ResolveAudioPath("/data/corpus/m.jsonl", entry));
        Assert.Equal("/abs/a.wav", Manifest.ResolveAudioPath("/data/corpus/m.jsonl", entry with { Audio = "/abs/a.wav" }));
        Assert.Equal("../raw/a.wav", Manifest.RelativeAudioPath("/data/corpus/m.jsonl", "/data/raw/a.wav"));
    }
}
