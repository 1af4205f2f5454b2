using System.Diagnostics;
using System.Text.RegularExpressions;
using Scraps.Service.Tests.Docs;
using Scraps.Shared;

namespace Scraps.Cli.Tests;

/// <summary>
/// docs/python.md's scripts, run as printed with python3 (Debian's python3-requests): one against the real service on
/// the bundled model, one driving the real CLI on a NeMo manifest. A changed API or CLI fails here, not in a user's
/// pipeline.
/// </summary>
public sealed partial class PythonDocTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("scraps-python-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_service_script_scores_each_line_and_reports_a_bad_one_without_stopping()
    {
        File.Copy(Clip, Path.Combine(_folder, "speech.wav"));
        await File.WriteAllLinesAsync(Path.Combine(_folder, "manifest.jsonl"),
        [
            """{"id": "right", "audio": "speech.wav", "text": "Alexa, end this call on my phone."}""",
            """{"id": "empty", "audio": "speech.wav", "text": "   "}""",
            """{"id": "wrong", "audio": "speech.wav", "text": "Play some music."}""",
        ]);
        await using var service = await ServiceProcess.StartAsync(ServiceDll(), new Dictionary<string, string> { ["Scraps__Model__Path"] = BundledModel }, CancellationToken.None);

        var (code, stdout, stderr) = await RunPythonAsync("service", [Path.Combine(_folder, "manifest.jsonl")], ("SCRAPS_URL", service.BaseAddress.ToString().TrimEnd('/')));

        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToArray();
        Assert.Equal(["right", "empty", "wrong"], lines.Select(l => l[0]));
        Assert.Equal("match", lines[0][2]);
        Assert.Equal("MISMATCH", lines[2][2]);
        Assert.Equal("error", lines[1][1]);
        Assert.Contains("422", lines[1][2], StringComparison.Ordinal);
        Assert.StartsWith("weakest word: ", lines[0][3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cli_script_scores_and_filters_a_nemo_manifest_with_a_segment()
    {
        File.Copy(Clip, Path.Combine(_folder, "speech.wav"));
        var manifest = Path.Combine(_folder, "train_manifest.json");
        await File.WriteAllLinesAsync(manifest,
        [
            """{"audio_filepath": "speech.wav", "text": "Alexa, end this call on my phone.", "duration": 2.646}""",
            """{"audio_filepath": "speech.wav", "offset": 0.0, "duration": 1.2, "text": "Play some music tonight please."}""",
        ]);

        var (code, stdout, stderr) = await RunPythonAsync("cli", [manifest], ("SCRAPS_CLI", $"dotnet {Path.Combine(AppContext.BaseDirectory, "scraps.dll")}"));

        Assert.True(code == 0, stderr);
        Assert.Contains("dropped\tspeech.wav\t", stdout, StringComparison.Ordinal);
        Assert.Contains("Play some music tonight please.", stdout, StringComparison.Ordinal);
        Assert.Contains("kept 1 lines in", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "train_manifest.kept.json")));
    }

    private static string Clip => Path.Combine(AppContext.BaseDirectory, "testdata", "audio", "speech_16k_pcm16.wav");

    private static string BundledModel => Path.Combine(DocExamples.RepositoryRoot, "models", "scraps-en-base");

    /// <summary>The service as `dotnet test ScrapsService.sln` built it (a build-order-only reference: no service types here).</summary>
    private static string ServiceDll()
    {
        var path = Path.Combine(Environment.GetEnvironmentVariable("SCRAPS_ARTIFACTS") ?? Path.Combine(DocExamples.RepositoryRoot, "artifacts"), "bin", "Scraps.Service", "release", "Scraps.Service.dll");
        Assert.True(File.Exists(path), $"{path} is missing: build the solution (dotnet build ScrapsService.sln -c Release) first");
        return path;
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunPythonAsync(string name, string[] arguments, params (string Key, string Value)[] environment)
    {
        var script = Path.Combine(_folder, $"{name}.py");
        await File.WriteAllTextAsync(script, Script(name));
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The ```python block marked <c>&lt;!-- python: NAME --&gt;</c> in docs/python.md.</summary>
    private static string Script(string name)
    {
        var text = File.ReadAllText(Path.Combine(DocExamples.RepositoryRoot, "docs", "python.md"));
        var match = Regex.Match(text, $@"<!-- python: {name} -->\s*```python\n(.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, $"docs/python.md has no python block marked '{name}'");
        return match.Groups[1].Value;
    }
}
