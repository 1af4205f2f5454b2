using System.CommandLine;
using System.Text.Json.Nodes;
using Scraps.Inference.Tests.Fixtures;
using Scraps.Service.Tests.Docs;
using Scraps.Shared;

namespace Scraps.Cli.Tests;

/// <summary>README's `scraps score --words` example, run as written on the bundled model: the line it shows has the fields and shapes of the real one.</summary>
public sealed class ReadmeExampleTests : IDisposable
{
    private readonly string _folder = TestPackages.NewTempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_score_words_line_in_the_readme_has_the_shape_of_the_real_output()
    {
        var root = DocExamples.RepositoryRoot;
        var manifest = Path.Combine(_folder, "pairs.jsonl");
        var output = Path.Combine(_folder, "scores.jsonl");
        var clip = Path.Combine(root, "tests", "testdata", "audio", "speech_16k_pcm16.wav");
        await File.WriteAllTextAsync(manifest, $$"""{"id":"one-word","audio":"{{clip}}","text":"Alexa, end this call on my home."}""" + "\n");
        var command = new RootCommand("test") { ScoreCommand.Create() };

        var exitCode = await CommandLineRunner.InvokeAsync(
            command, ["score", "--model", Path.Combine(root, "models", "scraps-en-base"), "--manifest", manifest, "--out", output, "--words"], new StringWriter(), new StringWriter());

        Assert.Equal(0, exitCode);
        var line = JsonNode.Parse(File.ReadAllLines(output).Single())!;
        JsonShape.AssertSame("README.md example 'score-words-line'", DocExamples.Example("README.md", "score-words-line"), line);
        Assert.Equal("home", line["words"]!.AsArray()[^1]!["word"]!.GetValue<string>());
    }

    [Fact]
    public void What_the_readmes_commands_write_in_the_checkout_is_ignored_by_git()
    {
        var root = DocExamples.RepositoryRoot;
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var written = System.Text.RegularExpressions.Regex.Matches(readme, @"(?:--out|--output|-o)\s+([^\s\\`]+)|>\s*([A-Za-z0-9_./-]+\.jsonl)")
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .Where(p => !Path.IsPathRooted(p) && !p.StartsWith('$'))
            .Distinct()
            .ToArray();

        Assert.Contains("scores.jsonl", written);
        Assert.Contains("pairs.jsonl", written);
        foreach (var path in written)
        {
            var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", ["check-ignore", "-q", "--no-index", path])
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            git.WaitForExit();
            Assert.True(git.ExitCode == 0, $"README writes '{path}' inside the checkout, and git does not ignore it (.gitignore)");
        }
    }
}
