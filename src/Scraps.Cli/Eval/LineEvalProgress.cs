using System.Diagnostics;

namespace Scraps.Cli.Eval;

/// <summary>
/// Progress as plain lines, for stderr redirected to a file or a pipe (CI logs): one line when a stage starts and one
/// with its duration when it ends.
/// </summary>
internal sealed class LineEvalProgress(TextWriter output, EvalWarnings warnings) : IEvalProgress
{
    private readonly Stopwatch _clock = new();
    private string? _current;
    private int _done;

    public void StageStarted(string stage, int total)
    {
        Finish();
        _current = stage;
        _done = 0;
        _clock.Restart();
        output.WriteLine($"{stage}: {total} to do");
    }

    public void Advanced(int units) => _done += units;

    public void Warn(string message) => warnings.Warn(message);

    /// <summary>Reports the end of the current stage.</summary>
    public void Finish()
    {
        if (_current is not null)
        {
            output.WriteLine(FormattableString.Invariant($"{_current}: {_done} done in {_clock.Elapsed.TotalSeconds:0.0} s"));
            _current = null;
        }
    }
}
