using Scraps.Model.Training;
using TorchSharp;

namespace Scraps.Model.Tests.Training;

/// <summary>Recall@1 phonetic-to-acoustic only: enough for the loop's tests (the real metrics live in Scraps.Inference).</summary>
internal sealed class RecallScorer : IValidationScorer
{
    public ValidationFigures Score(IReadOnlyList<float[,]> scoreMatrices)
    {
        var recall = scoreMatrices.Average(m =>
        {
            var n = m.GetLength(0);
            return Enumerable.Range(0, n).Count(i => Enumerable.Range(0, n).All(j => j == i || m[i, j] < m[i, i])) / (double)n;
        });
        return new ValidationFigures(0, 0, 0, recall, 0);
    }
}

internal sealed class RecordingObserver : ITrainingObserver
{
    public TrainingStarted? Started { get; private set; }

    public List<long> LiveTensors { get; } = [];

    public List<ValidationReport> Validations { get; } = [];

    public List<long> Checkpoints { get; } = [];

    public HashSet<System.Runtime.GCLatencyMode> LatencyModes { get; } = [];

    public (long Step, CancellationTokenSource Source)? CancelAtStep { get; init; }

    public void OnStarted(TrainingStarted started) => Started = started;

    public void OnStep(TrainingStepReport step)
    {
        LiveTensors.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        LatencyModes.Add(System.Runtime.GCSettings.LatencyMode);
        if (CancelAtStep is { } c && c.Step == step.Step)
        {
            c.Source.Cancel();
        }
    }

    public void OnValidated(ValidationReport validation) => Validations.Add(validation);

    public void OnCheckpointSaved(long step, string directory) => Checkpoints.Add(step);
}
