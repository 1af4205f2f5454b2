using System.CommandLine;
using System.Text.Json.Nodes;
using Scraps.Inference.Tests.Fixtures;
using Scraps.Shared;

namespace Scraps.Cli.Tests;

/// <summary>`scraps score` on a Kaldi data directory and `scraps filter` back to one, through the command line.</summary>
public sealed class FilterCommandTests : IClassFixture<TestPackageFixture>, IDisposable
{
    private readonly TestPackageFixture _package;
    private readonly string _folder = TestPackages.NewTempFolder();

    public FilterCommandTests(TestPackageFixture package)
    {
        _package = package;
        Directory.CreateDirectory(Path.Combine(_folder, "kaldi"));
        var clip = Path.Combine(AppContext.BaseDirectory, "testdata", "audio", "speech_16k_pcm16.wav");
        File.WriteAllLines(Path.Combine(_folder, "kaldi", "wav.scp"), [$"rec1 {clip}", "rec2 sox in.flac -t wav - |"]);
        File.WriteAllLines(Path.Combine(_folder, "kaldi", "text"), ["u1 alexa end this call", "u2 on my phone", "u3 never read"]);
        File.WriteAllLines(Path.Combine(_folder, "kaldi", "segments"), ["u1 rec1 0.0 1.3", "u2 rec1 1.3 2.6", "u3 rec2 0 1"]);
        File.WriteAllLines(Path.Combine(_folder, "kaldi", "utt2spk"), ["u1 s1", "u2 s1", "u3 s2"]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_kaldi_directory_is_scored_then_split_into_kept_and_dropped_data_directories()
    {
        var scores = Path.Combine(_folder, "scores.jsonl");
        var (scoreCode, _, scoreErr) = await RunAsync(ScoreCommand.Create(), "score", "--model", _package.Folder, "--manifest", Path.Combine(_folder, "kaldi"), "--out", scores);
        var (filterCode, filterOut, filterErr) = await RunAsync(FilterCommand.Create(), "filter", "--manifest", Path.Combine(_folder, "kaldi"), "--scores", scores,
            "--kept", Path.Combine(_folder, "kept"), "--dropped", Path.Combine(_folder, "dropped"), "--min-probability", "0");

        Assert.Equal(0, scoreCode);
        Assert.Contains("text line 3 (u3): wav.scp line 2: 'rec2' is a command", scoreErr, StringComparison.Ordinal);
        Assert.Equal(0, filterCode);
        Assert.Contains("kept 2", filterOut, StringComparison.Ordinal);
        Assert.Contains("1 entry of the manifest had no score", filterErr, StringComparison.Ordinal);
        Assert.Equal(["u1 alexa end this call", "u2 on my phone"], File.ReadAllLines(Path.Combine(_folder, "kept", "text")));
        Assert.Equal(["s1 u1 u2"], File.ReadAllLines(Path.Combine(_folder, "kept", "spk2utt")));
        Assert.Single(File.ReadAllLines(Path.Combine(_folder, "kept", "wav.scp")));
        Assert.Equal(2, File.ReadAllLines(Path.Combine(_folder, "kept", "scraps_scores")).Length);
    }

    [Fact]
    public async Task Scores_of_another_manifest_are_a_one_line_error_and_exit_2()
    {
        var scores = Path.Combine(_folder, "other.jsonl");
        await File.WriteAllTextAsync(scores, new JsonObject { ["id"] = "x9", ["score"] = 1.0, ["probability"] = 0.5, ["match"] = true }.ToJsonString() + "\n");

        var (code, _, stderr) = await RunAsync(FilterCommand.Create(), "filter", "--manifest", Path.Combine(_folder, "kaldi"), "--scores", scores,
            "--kept", Path.Combine(_folder, "kept"), "--dropped", Path.Combine(_folder, "dropped"));

        Assert.Equal(2, code);
        Assert.Contains("no entry of the manifest has a score", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_that_is_no_kaldi_directory_is_a_one_line_error()
    {
        var (code, _, stderr) = await RunAsync(ScoreCommand.Create(), "score", "--model", _package.Folder, "--manifest", _folder, "--out", Path.Combine(_folder, "s.jsonl"));

        Assert.Equal(2, code);
        Assert.Contains("is a folder without wav.scp", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(Command command, params string[] args)
    {
        var root = new RootCommand("test") { command };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLineRunner.InvokeAsync(root, args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
