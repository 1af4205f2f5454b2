using System.CommandLine;
using System.Text.Json;
using Scraps.Cli.Eval;
using Scraps.Cli.Tests.Eval.Support;
using Scraps.Shared;

namespace Scraps.Cli.Tests.Eval;

/// <summary>`scraps eval` end to end on a tiny random-weight package and a small manifest (the CI check of issue 5).</summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "scraps-cli-eval-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var root = new RootCommand("test") { EvalCommand.Create() };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await CommandLineRunner.InvokeAsync(root, ["eval", .. args], stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Evaluates <paramref name="manifest"/> with the tiny package and the extra arguments; asserts success and returns stdout and results.json.</summary>
    private async Task<(string Stdout, JsonElement Results)> EvaluateAsync(EvalTestManifest manifest, params string[] extra)
    {
        var (exitCode, stdout, stderr) = await RunAsync(["--model", EvalTestPackage.Folder, "--manifest", manifest.ManifestPath, "--out", _output, "--threads", "1", .. extra]);
        Assert.True(exitCode == 0, stderr);
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output, "results.json")));
        return (stdout, results.RootElement.Clone());
    }

    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public async Task Writes_results_json_with_every_key_the_table_and_the_plots()
    {
        using var manifest = new EvalTestManifest(clips: 8, extraLines: ["not json", """{"id": "gone", "audio": "wavs/none.wav", "text": "Gone."}"""]);

        var (exitCode, stdout, stderr) = await RunAsync(
            "--model", EvalTestPackage.Folder, "--manifest", manifest.ManifestPath, "--out", _output, "--pairs", "8", "--batch", "4", "--seed", "3", "--threads", "1");

        Assert.True(exitCode == 0, stderr);
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output, "results.json")));
        var root = results.RootElement;
        Assert.Equal(new[] { "pairs", "subset", "minibatch", "substitution", "gaussian", "mix", "word_swap", "near_misses" }, Keys(root));
        var near = root.GetProperty("near_misses");
        Assert.Equal(new[] { "alignment", "close_word_substitution", "word_deletion", "word_insertion", "localisation", "decisions" }, Keys(near));
        Assert.Equal(new[] { "pairs", "auc_score", "auc_score_ci", "auc_verdict", "auc_verdict_ci" }, Keys(near.GetProperty("word_deletion")));
        Assert.InRange(near.GetProperty("word_deletion").GetProperty("pairs").GetInt32(), 1, 8);
        Assert.InRange(near.GetProperty("decisions").GetProperty("false_rejects").GetDouble(), 0, 1);
        Assert.Equal(8, root.GetProperty("pairs").GetInt32());
        Assert.Equal(new[] { "auc", "eer", "r1_audio_to_text", "r1_text_to_audio" }, Keys(root.GetProperty("minibatch")));
        Assert.All(Keys(root.GetProperty("minibatch")), key => Assert.InRange(root.GetProperty("minibatch").GetProperty(key).GetDouble(), 0, 1));
        foreach (var corruption in new[] { "substitution", "gaussian", "mix" })
        {
            var levels = root.GetProperty(corruption).EnumerateArray().ToArray();
            Assert.Equal(EvalSettings.PaperLevels, levels.Select(l => l.GetProperty("level").GetDouble()));
            Assert.All(levels, level =>
            {
                Assert.Equal(new[] { "level", "auc", "auc_ci", "drop", "drop_ci", "lift", "lift_ci" }, Keys(level));
                foreach (var figure in new[] { "auc", "drop", "lift" })
                {
                    var value = level.GetProperty(figure).GetDouble();
                    var ci = level.GetProperty($"{figure}_ci").EnumerateArray().Select(v => v.GetDouble()).ToArray();
                    Assert.Equal(2, ci.Length);
                    Assert.InRange(value, ci[0], ci[1]);
                    Assert.InRange(ci[0], 0, 1);
                    Assert.InRange(ci[1], 0, 1);
                }
            });
        }

        var swap = root.GetProperty("word_swap");
        Assert.Equal(new[] { "auc", "pairs" }, Keys(swap));
        Assert.InRange(swap.GetProperty("pairs").GetInt32(), 1, 7); // every line but the X-SAMPA one can be swapped
        Assert.InRange(swap.GetProperty("auc").GetDouble(), 0, 1);

        Assert.Contains("| Substitution drops, paper (%) |", File.ReadAllText(Path.Combine(_output, "table.md")), StringComparison.Ordinal);
        Assert.All(new[] { "drops.png", "lifts.png", "auc.png" }, png => Assert.True(new FileInfo(Path.Combine(_output, png)).Length > 10_000, png));
        Assert.Contains("warning: line 9: bad JSON", stderr, StringComparison.Ordinal);
        Assert.Contains("preparing pairs: 8 to do", stderr, StringComparison.Ordinal); // plain progress lines when stderr is no terminal
        Assert.Matches(@"spectrogram mixing: 64 done in \d+\.\d s", stderr); // 8 levels x 8 pairs
        Assert.Contains("(gone): audio file not found", stderr, StringComparison.Ordinal);
        Assert.StartsWith("8 pairs in 2 minibatch(es) of 4: AUC-ROC ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_results_and_another_seed_other_pairs()
    {
        using var manifest = new EvalTestManifest(clips: 8);
        string Results(string folder) => File.ReadAllText(Path.Combine(folder, "results.json"));
        var args = new[] { "--model", EvalTestPackage.Folder, "--manifest", manifest.ManifestPath, "--pairs", "6", "--batch", "3", "--threads", "1" };

        Assert.Equal(0, (await RunAsync([.. args, "--out", Path.Combine(_output, "a"), "--seed", "1"])).ExitCode);
        Assert.Equal(0, (await RunAsync([.. args, "--out", Path.Combine(_output, "b"), "--seed", "1"])).ExitCode);
        Assert.Equal(0, (await RunAsync([.. args, "--out", Path.Combine(_output, "c"), "--seed", "2"])).ExitCode);

        Assert.Equal(Results(Path.Combine(_output, "a")), Results(Path.Combine(_output, "b")));
        Assert.NotEqual(Results(Path.Combine(_output, "a")), Results(Path.Combine(_output, "c")));
    }

    [Fact]
    public async Task A_small_manifest_is_used_whole_with_a_warning()
    {
        using var manifest = new EvalTestManifest(clips: 3);

        var (exitCode, stdout, stderr) = await RunAsync("--model", EvalTestPackage.Folder, "--manifest", manifest.ManifestPath, "--out", _output);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("3 usable pair(s), fewer than the 1152 asked for", stderr, StringComparison.Ordinal);
        Assert.Contains("one minibatch of 3 instead of 128", stderr, StringComparison.Ordinal);
        Assert.StartsWith("3 pairs in 1 minibatch(es) of 3", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_kind_draws_every_minibatch_from_the_clips_of_that_kind_and_says_so()
    {
        string[] words =
        [
            """{"id": "w1", "audio": "wavs/u0.wav", "text": "Alexa.", "textKind": "word"}""",
            """{"id": "w2", "audio": "wavs/u1.wav", "text": "Nineteenth.", "textKind": "word"}""",
            """{"id": "w3", "audio": "wavs/u5.wav", "text": "Call.", "textKind": "word"}""",
            """{"id": "s1", "audio": "wavs/u2.wav", "text": "Alexa, end this call on my phone.", "textKind": "sentence"}""",
        ];
        using var manifest = new EvalTestManifest(clips: 8, extraLines: words);

        var (stdout, results) = await EvaluateAsync(manifest, "--text-kind", "word");

        Assert.StartsWith("3 pairs in 1 minibatch(es) of 3", stdout, StringComparison.Ordinal);
        Assert.Equal("textKind = word", results.GetProperty("subset").GetString());

        // A one-word transcript cannot lose a word: that row has no pairs, and its figures are null, not a failed report.
        var deletion = results.GetProperty("near_misses").GetProperty("word_deletion");
        Assert.Equal(0, deletion.GetProperty("pairs").GetInt32());
        Assert.Equal(JsonValueKind.Null, deletion.GetProperty("auc_score").ValueKind);
        Assert.Contains("on `test.jsonl` (textKind = word; every minibatch drawn from them): 3 matched pairs", File.ReadAllText(Path.Combine(_output, "table.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duration_range_keeps_only_the_clips_inside_it()
    {
        using var manifest = new EvalTestManifest(clips: 8);

        // u1 and u3 are the 3.0 s flite clips; the others last 2.6 s or 1.5 s.
        var (stdout, results) = await EvaluateAsync(manifest, "--min-seconds", "2.9");

        Assert.StartsWith("2 pairs in 1 minibatch(es) of 2", stdout, StringComparison.Ordinal);
        Assert.Equal("clips of 2.9 s or more", results.GetProperty("subset").GetString());
    }

    [Theory]
    [InlineData("passage", "no line of manifest .*test\\.jsonl has that kind; it has sentence, word")]
    [InlineData("none-in-plain", "manifest .*test\\.jsonl has no \"textKind\" field")]
    public async Task A_text_kind_the_manifest_lacks_is_a_one_line_error(string kind, string expected)
    {
        string[] kinds = kind == "none-in-plain"
            ? []
            : ["""{"id": "w1", "audio": "wavs/u0.wav", "text": "Alexa.", "textKind": "word"}""", """{"id": "s1", "audio": "wavs/u1.wav", "text": "Alexa.", "textKind": "sentence"}"""];
        using var manifest = new EvalTestManifest(clips: 2, extraLines: kinds);

        var (exitCode, stdout, stderr) = await RunAsync(
            "--model", EvalTestPackage.Folder, "--manifest", manifest.ManifestPath, "--out", _output, "--text-kind", kind == "none-in-plain" ? "word" : kind);

        Assert.Equal(CommandLineRunner.InputError, exitCode);
        Assert.Empty(stdout);
        Assert.Matches("^error: --text-kind .*" + expected, Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Theory]
    [InlineData("--min-seconds", "-1", "--min-seconds must be a finite number of seconds >= 0")]
    [InlineData("--max-seconds", "0", "--max-seconds must be a finite number of seconds > 0")]
    public async Task A_bad_duration_bound_is_a_one_line_error(string flag, string value, string expected)
    {
        using var manifest = new EvalTestManifest(clips: 2);

        var (exitCode, _, stderr) = await RunAsync("--model", EvalTestPackage.Folder, "--manifest", manifest.ManifestPath, "--out", _output, flag, value);

        Assert.Equal(CommandLineRunner.InputError, exitCode);
        Assert.StartsWith("error: " + expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fewer_than_two_usable_pairs_is_a_one_line_error()
    {
        using var manifest = new EvalTestManifest(clips: 1, extraLines: ["""{"id": "gone", "audio": "none.wav", "phonemes": "h @"}"""]);

        var (exitCode, _, stderr) = await RunAsync("--model", EvalTestPackage.Folder, "--manifest", manifest.ManifestPath, "--out", _output);

        Assert.Equal(CommandLineRunner.InputError, exitCode);
        Assert.Matches(@"error: manifest .*test\.jsonl has 1 usable pair\(s\) of 2 line\(s\); the evaluation needs at least 2", stderr);
        Assert.False(File.Exists(Path.Combine(_output, "results.json")));
    }

    [Theory]
    [InlineData("manifest")]
    [InlineData("model")]
    [InlineData("pairs")]
    [InlineData("batch")]
    public async Task Bad_inputs_are_one_line_errors(string what)
    {
        using var manifest = new EvalTestManifest(clips: 2);
        var model = what == "model" ? Path.Combine(_output, "no-model") : EvalTestPackage.Folder;
        var manifestPath = what == "manifest" ? Path.Combine(_output, "none.jsonl") : manifest.ManifestPath;
        var pairs = what == "pairs" ? "1" : "1152";
        var batch = what == "batch" ? "1" : "128";

        var (exitCode, stdout, stderr) = await RunAsync("--model", model, "--manifest", manifestPath, "--out", _output, "--pairs", pairs, "--batch", batch);

        Assert.Equal(CommandLineRunner.InputError, exitCode);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var expected = what switch
        {
            "manifest" => "error: manifest not found: ",
            "model" => "error: model package folder ",
            "pairs" => "error: --pairs must be at least 2",
            _ => "error: --batch must be at least 2",
        };
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
    }
}
