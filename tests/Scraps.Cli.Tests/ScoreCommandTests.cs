using System.CommandLine;
using System.Text.Json.Nodes;
using Scraps.Inference.Tests.Fixtures;
using Scraps.Shared;

namespace Scraps.Cli.Tests;

public sealed class ScoreCommandTests : IClassFixture<TestPackageFixture>, IDisposable
{
    private readonly TestPackageFixture package;
    private readonly string folder = TestPackages.NewTempFolder();

    public ScoreCommandTests(TestPackageFixture package)
    {
        this.package = package;
        Directory.CreateDirectory(Path.Combine(folder, "wavs"));
        foreach (var name in new[] { "speech_16k_pcm16.wav", "flite_16k.flac" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "testdata", "audio", name), Path.Combine(folder, "wavs", name));
        }

        File.WriteAllLines(Manifest,
        [
            """{"id": "u1", "audio": "wavs/speech_16k_pcm16.wav", "text": "Alexa, end this call on my phone.", "phonemes": null, "speaker": "s1"}""",
            """{"id": "u2", "audio": "wavs/missing.wav", "text": "Nothing here."}""",
            """{"id": "u3", "audio": "wavs/flite_16k.flac", "phonemes": "d u: # aI # h { v"}""",
        ]);
    }

    private string Manifest => Path.Combine(folder, "manifest.jsonl");

    private string Output => Path.Combine(folder, "scores.jsonl");

    [Fact]
    public async Task Score_WritesOneLinePerGoodUtterance_AndReportsBadLines()
    {
        var (exitCode, stdout, stderr) = await RunAsync("--model", package.Folder, "--manifest", Manifest, "--out", Output, "--batch", "2");

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
    public async Task Score_Resumed_DoesNotScoreTwice()
    {
        await RunAsync("--model", package.Folder, "--manifest", Manifest, "--out", Output);

        var (exitCode, _, stderr) = await RunAsync("--model", package.Folder, "--manifest", Manifest, "--out", Output);

        Assert.Equal(0, exitCode);
        Assert.Contains("resuming: 2 utterance(s)", stderr);
        Assert.Contains("scored 0, already scored 2", stderr);
        Assert.Equal(2, File.ReadAllLines(Output).Length);
    }

    [Fact]
    public async Task Score_Shard_ScoresOnlyItsLines()
    {
        var (exitCode, _, stderr) = await RunAsync("--model", package.Folder, "--manifest", Manifest, "--out", Output, "--shard", "1/2");

        Assert.Equal(0, exitCode);
        Assert.Empty(File.ReadAllLines(Output));
        Assert.Contains("skipped 1 bad line(s) of 1 in shard 1/2", stderr);
    }

    [Theory]
    [InlineData("--shard", "2/2", "shard '2/2'")]
    [InlineData("--batch", "0", "--batch")]
    public async Task Score_RejectsBadOptions(string option, string value, string expected)
    {
        var (exitCode, _, stderr) = await RunAsync("--model", package.Folder, "--manifest", Manifest, "--out", Output, option, value);

        Assert.Equal(CommandLineRunner.InputError, exitCode);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public async Task Score_NamesABrokenModelPackage()
    {
        var broken = TestPackages.Copy(package.Folder);
        File.AppendAllText(Path.Combine(broken, "acoustic.onnx"), "x");

        var (exitCode, _, stderr) = await RunAsync("--model", broken, "--manifest", Manifest, "--out", Output);

        Assert.Equal(CommandLineRunner.InputError, exitCode);
        Assert.StartsWith("error: model package file", stderr);
        Assert.Contains("acoustic.onnx", stderr);
        Assert.Contains("SHA-256 mismatch", stderr);
    }

    [Fact]
    public async Task Score_NamesAMissingManifest()
    {
        var (exitCode, _, stderr) = await RunAsync("--model", package.Folder, "--manifest", Path.Combine(folder, "none.jsonl"), "--out", Output);

        Assert.Equal(CommandLineRunner.InputError, exitCode);
        Assert.Contains("none.jsonl", stderr);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var root = new RootCommand("test") { ScoreCommand.Create() };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await CommandLineRunner.InvokeAsync(root, ["score", .. args], stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
