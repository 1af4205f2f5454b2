using Scraps.Cli.Eval;

namespace Scraps.Cli.Tests.Eval;

public class EvalWarningsTests
{
    [Fact]
    public void Shows_the_first_warnings_then_only_counts_them()
    {
        var lines = new List<string>();
        var warnings = new EvalWarnings(lines.Add);

        for (var i = 1; i <= EvalWarnings.Shown + 3; i++)
        {
            warnings.Warn($"problem {i}");
        }

        warnings.Summarise();

        Assert.Equal(EvalWarnings.Shown + 3, warnings.Count);
        Assert.Equal(EvalWarnings.Shown + 1, lines.Count);
        Assert.Equal("warning: problem 1", lines[0]);
        Assert.Equal("warning: 3 more warning(s) not shown", lines[^1]);
    }

    [Fact]
    public void Says_nothing_more_when_every_warning_was_shown()
    {
        var lines = new List<string>();
        var warnings = new EvalWarnings(lines.Add);

        warnings.Warn("one");
        warnings.Summarise();

        Assert.Equal(new[] { "warning: one" }, lines);
    }
}
