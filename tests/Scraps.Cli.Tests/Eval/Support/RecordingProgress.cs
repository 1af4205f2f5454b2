using Scraps.Cli.Eval;

namespace Scraps.Cli.Tests.Eval.Support;

/// <summary>Records what an evaluation reports: stages with their totals, units done per stage, warnings.</summary>
internal sealed class RecordingProgress : IEvalProgress
{
    public List<(string Stage, int Total)> Stages { get; } = [];

    public Dictionary<string, int> Done { get; } = [];

    public List<string> Warnings { get; } = [];

    public void StageStarted(string stage, int total)
    {
        Stages.Add((stage, total));
        Done[stage] = 0;
    }

    public void Advanced(int units) => Done[Stages[^1].Stage] += units;

    public void Warn(string message) => Warnings.Add(message);
}
