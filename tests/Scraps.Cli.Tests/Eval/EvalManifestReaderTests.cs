using Scraps.Cli.Eval;

namespace Scraps.Cli.Tests.Eval;

public sealed class EvalManifestReaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "scraps-cli-eval-tests", Guid.NewGuid().ToString("N"));

    public EvalManifestReaderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Reads_entries_resolves_audio_against_the_manifest_and_reports_bad_lines()
    {
        var path = Path.Combine(_folder, "m.jsonl");
        File.WriteAllLines(path,
        [
            """{"id": "a", "audio": "wavs/a.wav", "text": "Hello."}""",
            "",
            "not json",
            """{"id": "b", "audio": "/abs/b.wav", "phonemes": "h @"}""",
            """{"id": "c", "audio": "c.wav"}""",
        ]);
        var skipped = new List<(long Line, string Reason)>();

        var lines = EvalManifestReader.Read(path, (line, reason) => skipped.Add((line, reason)));

        Assert.Equal(new[] { "a", "b" }, lines.Select(l => l.Entry.Id));
        Assert.Equal(new long[] { 1, 4 }, lines.Select(l => l.LineNumber));
        Assert.Equal(Path.Combine(_folder, "wavs", "a.wav"), lines[0].AudioPath);
        Assert.Equal("/abs/b.wav", lines[1].AudioPath);
        Assert.Equal(new long[] { 3, 5 }, skipped.Select(s => s.Line));
        Assert.Contains("neither 'text' nor 'phonemes'", skipped[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_manifest_is_a_file_not_found_error()
    {
        var error = Assert.Throws<FileNotFoundException>(() => EvalManifestReader.Read(Path.Combine(_folder, "none.jsonl"), (_, _) => { }));
        Assert.Contains("manifest not found", error.Message, StringComparison.Ordinal);
    }
}
