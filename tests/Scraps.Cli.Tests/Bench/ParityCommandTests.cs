using System.CommandLine;
using System.Text.Json;
using Scraps.Inference.Tests.Fixtures;
using Scraps.Shared;

namespace Scraps.Cli.Tests.Bench;

/// <summary><c>scraps bench parity</c>, as tests/gpu/run.sh uses it (there with --provider cuda).</summary>
public sealed class ParityCommandTests(TestPackageFixture package) : IClassFixture<TestPackageFixture>
{
    [Fact]
    public async Task Cpu_against_cpu_is_identical_and_the_row_goes_to_the_results_file()
    {
        var results = Path.Combine(TestPackages.NewTempFolder(), "results.jsonl");

        var (exitCode, stdout, stderr) = await RunAsync("--model", package.Folder, "--provider", "cpu", "--results", results);

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        Assert.Contains("provider cpu (requested)", stdout, StringComparison.Ordinal);
        Assert.Contains("16 clips and transcripts: max |diff| 0e+0", stdout, StringComparison.Ordinal);
        var row = JsonDocument.Parse(Assert.Single(File.ReadAllLines(results))).RootElement;
        Assert.Equal("parity", row.GetProperty("bench").GetString());
        Assert.Equal("cpu", row.GetProperty("provider").GetString());
        Assert.Equal(0, row.GetProperty("maxAbsDiff").GetDouble());
        Assert.Equal(1, row.GetProperty("minCosine").GetDouble(), 12);
    }

    [Fact]
    public async Task Cuda_where_cuda_cannot_run_is_one_line_naming_the_cause_and_exit_code_2()
    {
        var (exitCode, stdout, stderr) = await RunAsync("--model", package.Folder, "--provider", "cuda");

        Assert.Equal(CommandLineRunner.InputError, exitCode);
        Assert.StartsWith("error: ExecutionProvider is Cuda, but ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Empty(stdout);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var root = new RootCommand("test") { BenchCommand.Create() };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await CommandLineRunner.InvokeAsync(root, ["bench", "parity", .. args], stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
