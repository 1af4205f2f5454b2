using Spectre.Console;

namespace Scraps.Cli.Eval;

/// <summary>Live progress on a terminal: one Spectre.Console bar per stage.</summary>
internal sealed class SpectreEvalProgress(ProgressContext context, EvalWarnings warnings) : IEvalProgress
{
    private ProgressTask? _current;

    public void StageStarted(string stage, int total)
    {
        Finish();
        _current = context.AddTask(stage, autoStart: true, maxValue: Math.Max(1, total));
    }

    public void Advanced(int units) => _current?.Increment(units);

    public void Warn(string message) => warnings.Warn(message);

    /// <summary>Completes the current stage's bar.</summary>
    public void Finish()
    {
        if (_current is not null)
        {
            _current.Value = _current.MaxValue;
            _current.StopTask();
        }
    }
}
