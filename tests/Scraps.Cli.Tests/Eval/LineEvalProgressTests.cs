using Scraps.Cli.Eval;

namespace Scraps.Cli.Tests.Eval;

public class LineEvalProgressTests
{
    [Fact]
    public void Writes_a_line_when_a_stage_starts_and_one_when_it_ends()
    {
        var output = new StringWriter();
        var warned = new List<string>();
        var progress = new LineEvalProgress(output, new EvalWarnings(warned.Add));

        progress.StageStarted("clean pairs", 8);
        progress.Advanced(3);
        progress.Advanced(5);
        progress.Warn("careful");
        progress.StageStarted("word swap", 2);
        progress.Advanced(2);
        progress.Finish();
        progress.Finish(); // a second finish adds nothing

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("clean pairs: 8 to do", lines[0]);
        Assert.Matches(@"^clean pairs: 8 done in \d+\.\d s$", lines[1]);
        Assert.Equal("word swap: 2 to do", lines[2]);
        Assert.Matches(@"^word swap: 2 done in \d+\.\d s$", lines[3]);
        Assert.Equal(new[] { "warning: careful" }, warned);
    }
}
