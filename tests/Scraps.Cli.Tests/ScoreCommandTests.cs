using System.CommandLine;
using System.Text.Json.Nodes;
using Scraps.Inference.Tests.Fixtures;
using Scraps.Shared;

namespace Scraps.Cli.Tests;

public sealed class ScoreCommandTests : IClassFixture<TestPackageFixture>, IDisposable
{
    private readonly TestPackageFixture _package;
    private readonly string _folder = TestPackages.NewTempFolder();

    public ScoreCommandTests(TestPackageFixture package)
    {
        _package = package;
        Directory.CreateDirectory(Path.Combine(_folder, "wavs"));
        foreach (var name in new[] { "speech_16k_pcm16.wav", "flite_16k.flac" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "testdata", "audio", name), Path.Combine(_folder, "wavs", name));
        }

        File.WriteAllLines(Manifest,
        [
            """{"id": "u1", "audio": "wavs/speech_16k_pcm16.wav", "text": "Alexa, end this call on my phone.", "phonemes": null, "speaker": "s1"}""",
            """{"id": "u2", "audio": "wavs/missing.wav", "text": "Nothing here."}""",
            """{"id": "u3", "audio": "wavs/flite_16k.flac", "phonemes": "d u: # aI # h { v"}""",
        ]);
    }

    private string Manifest => Path.Combine(_folder, "manifest.jsonl");

    private string Output => Path.Combine(_folder, "scores.jsonl");

    [Fact]
    public async Task Score_writes_one_line_per_good_utterance_and_reports_bad_lines()
    {
        var (exitCode, stdout, stderr) = await RunAsync("--model", _package.Folder, "--manifest", Manifest, "--out", Output, "--batch", "2");

        Assert.Equal(0, exitCode);
        Assert.Empty(stdout);
        var lines = File.ReadAllLines(Output).Select(l => JsonNode.Parse(l)!.AsObject()).ToArray();
        Assert.Equal(["u1", "u3"], lines.Select(l => (string)l["id"]!));
        Assert.All(lines, l => Assert.Equal(["id", "score", "probability", "match"], l.Select(p => p.Key)));
        Assert.All(lines, l => Assert.InRange((double)l["probability"]!, 0, 1));
        Assert.Contains("line 2 (u2)", stderr);
        Assert.Contains("missing.wav", stderr);
        Assert.Contains("scored 2, already scored 0, skipped 1 bad line(s) of 3", stderr);
    }

    [Fact]
    public async Task Score_resumed_does_not_score_twice()
    {
        await RunAsync("--model", _package.Folder, "--manifest", Manifest, "--out", Output);

        var (exitCode, _, stderr) = await RunAsync("--model", _package.Folder, "--manifest", Manifest, "--out", Output);

        Assert.Equal(0, exitCode);
        Assert.Contains("resuming: 2 utterance(s)", stderr);
        Assert.Contains("scored 0, already scored 2", stderr);
        Assert.Equal(2, File.ReadAllLines(Output).Length);
    }

    [Fact]
    public async Task Score_shard_scores_only_its_lines_and_a_shard_of_bad_lines_only_is_an_error()
    {
        var (exitCode, _, stderr) = await RunAsync("--model", _package.Folder, "--manifest", Manifest, "--out", Output, "--shard", "1/2");

        // Shard 1 of 2 holds line 2 only, whose audio is missing: nothing to show for the run, so not a success.
        Assert.Equal(CommandLineRunner.InputError, exitCode);
        Assert.Empty(File.ReadAllLines(Output));
        Assert.Contains("skipped 1 bad line(s) of 1 in shard 1/2", stderr);
        Assert.Contains("error: nothing scored: every one of the 1 line(s) in shard 1/2", stderr);
    }

    [Theory]
    [InlineData("--shard", "2/2", "shard '2/2'")]
    [InlineData("--batch", "0", "--batch")]
    public async Task Score_rejects_bad_options(string option, string value, string expected)
    {
        var (exitCode, _, stderr) = await RunAsync("--model", _package.Folder, "--manifest", Manifest, "--out", Output, option, value);

        Assert.Equal(CommandLineRunner.InputError, exitCode);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public async Task Score_names_a_broken_model_package()
    {
        var broken = TestPackages.Copy(_package.Folder);
        File.AppendAllText(Path.Combine(broken, "acoustic.onnx"), "x");

        var (exitCode, _, stderr) = await RunAsync("--model", broken, "--manifest", Manifest, "--out", Output);

        Assert.Equal(CommandLineRunner.InputError, exitCode);
        Assert.StartsWith("error: model package file", stderr);
        Assert.Contains("acoustic.onnx", stderr);
        Assert.Contains("SHA-256 mismatch", stderr);
    }

    [Fact]
    public async Task Score_names_a_missing_manifest()
    {
        var (exitCode, _, stderr) = await RunAsync("--model", _package.Folder, "--manifest", Path.Combine(_folder, "none.jsonl"), "--out", Output);

        Assert.Equal(CommandLineRunner.InputError, exitCode);
        Assert.Contains("none.jsonl", stderr);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Score_with_words_adds_each_word_of_a_model_with_the_ctc_head_and_is_refused_without_it()
    {
        var headed = TestPackages.Create(seed: 3, dims: TestPackages.HeadDims());

        var (exitCode, _, stderr) = await RunAsync("--model", headed, "--manifest", Manifest, "--out", Output, "--words");

        Assert.True(exitCode == 0, stderr);
        var lines = File.ReadAllLines(Output).Select(l => JsonNode.Parse(l)!.AsObject()).ToArray();
        Assert.Equal(["id", "score", "probability", "match", "alignmentScore", "words"], lines[0].Select(p => p.Key));
        var words = lines[0]["words"]!.AsArray();
        Assert.Equal(["Alexa", "end", "this", "call", "on", "my", "phone"], words.Select(w => (string)w!["word"]!));
        Assert.All(words, w => Assert.True((double)w!["start"]! < (double)w["end"]!));
        // u3 is X-SAMPA: its words are the groups between boundaries.
        Assert.Equal(["d u:", "aI", "h { v"], lines[1]["words"]!.AsArray().Select(w => (string)w!["word"]!));

        var refused = await RunAsync("--model", _package.Folder, "--manifest", Manifest, "--out", Path.Combine(_folder, "other.jsonl"), "--words");
        Assert.Equal(CommandLineRunner.InputError, refused.ExitCode);
        Assert.Contains("--words needs a model with the CTC head", refused.Stderr);
    }

    [Fact]
    public async Task Rank_prints_the_candidates_best_first_as_a_table_or_json()
    {
        var headed = TestPackages.Create(seed: 3, dims: TestPackages.HeadDims());
        var clip = Path.Combine(_folder, "wavs", "speech_16k_pcm16.wav");
        var root = new RootCommand("test") { RankCommand.Create() };
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exitCode = await CommandLineRunner.InvokeAsync(root, ["rank", clip, "Hello there.", "Alexa, end this call on my phone.", "--model", headed, "--json"], stdout, stderr);

        Assert.True(exitCode == 0, stderr.ToString());
        var json = JsonNode.Parse(stdout.ToString())!;
        var candidates = json["candidates"]!.AsArray();
        Assert.Equal([0, 1], candidates.Select(c => (int)c!["index"]!).Order());
        Assert.True((double)candidates[0]!["probability"]! >= (double)candidates[1]!["probability"]!);
        Assert.NotNull(candidates[0]!["alignmentScore"]);

        var table = new StringWriter();
        Assert.Equal(0, await CommandLineRunner.InvokeAsync(root, ["rank", clip, "Hello there.", "Alexa, end this call on my phone.", "--model", headed], table, stderr));
        Assert.StartsWith("rank", table.ToString());
        Assert.Equal(3, table.ToString().Trim().Split('\n').Length);
        Assert.Equal(CommandLineRunner.InputError, await CommandLineRunner.InvokeAsync(root, ["rank", clip, "--model", headed], table, stderr));
        Assert.Contains("at least one candidate", stderr.ToString());
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var root = new RootCommand("test") { ScoreCommand.Create() };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await CommandLineRunner.InvokeAsync(root, ["score", .. args], stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
