using System.CommandLine;
using Scraps.Shared;

namespace Scraps.Trainer.Tests.Fit;

[Collection(TrainingCollection.Name)]
public sealed class BenchCommandTests
{
    [Fact]
    public async Task Prints_a_steps_per_second_table()
    {
        var config = Path.Combine(Path.GetTempPath(), $"scraps-bench-{Guid.NewGuid():N}.json");
        File.WriteAllText(config, """
            { "name": "micro", "modelDim": 16, "layers": 1, "heads": 2, "ffnDim": 32, "dropout": 0, "lstmHidden": 16,
              "acousticSubsampling": 2, "melBins": 80, "maxPositions": 256, "vocabSize": 0 }
            """);
        try
        {
            var (code, output, error) = await RunAsync($"bench --configs {config} --batch 4 --seconds 0.5 --warmup 0 --steps 2 --threads 1 --device cpu");
            Assert.True(code == 0, error);
            Assert.Contains("device cpu: requested", output);
            Assert.Contains("steps/s", output);
            Assert.Contains("micro", output);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Bad_input_exits_2_with_a_one_line_error()
    {
        var (code, _, error) = await RunAsync("bench --seconds 0 --device cpu");
        Assert.Equal(CommandLineRunner.InputError, code);
        Assert.Contains("--seconds", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string arguments)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(BenchCommand.Create());
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLineRunner.InvokeAsync(root, arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
