using System.Diagnostics;

namespace Scraps.Cli.Eval;

/// <summary>
/// Progress as plain lines, for stderr redirected to a file or a pipe (CI logs): one line when a stage starts and one
/// with its duration when it ends.
/// </summary>
internal sealed class LineEvalProgress(TextWriter output, EvalWarnings warnings) : IEvalProgress
{
    private readonly Stopwatch clock = new();
    private string? current;
    private int done;

    public void StageStarted(string stage, int total)
    {
        Finish();
        current = stage;
        done = 0;
        clock.Restart();
        output.WriteLine($"{stage}: {total} to do");
    }

    public void Advanced(int units) => done += units;

    public void Warn(string message) => warnings.Warn(message);

    /// <summary>Reports the end of the current stage.</summary>
    public void Finish()
    {
        if (current is not null)
        {
            output.WriteLine(FormattableString.Invariant($"{current}: {done} done in {clock.Elapsed.TotalSeconds:0.0} s"));
            current = null;
        }
    }
}
