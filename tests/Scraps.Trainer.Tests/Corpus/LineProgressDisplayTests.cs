using Scraps.Trainer.Corpus;

namespace Scraps.Trainer.Tests.Corpus;

public class LineProgressDisplayTests
{
    [Fact]
    public void Writes_the_first_and_final_updates_and_throttles_the_rest()
    {
        var output = new StringWriter();
        var display = new LineProgressDisplay("clips", output);
        for (var i = 1; i <= 100; i++)
        {
            display.Update(i, 100, "synth");
        }

        var lines = output.ToString().Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("synth: 1/100 (1%)", lines[0]);
        Assert.StartsWith("synth: 100/100 (100%)", lines[1]);
        Assert.Contains("clips/s", lines[1]);
    }

    [Fact]
    public async Task Redirected_output_gets_plain_lines_so_commands_can_run_side_by_side()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => ConsoleProgress.RunAsync("work", "items", display =>
        {
            display.Update(1, 1, "work");
            return Task.FromResult(i);
        })));
        Assert.Equal([0, 1, 2], results);
    }
}
