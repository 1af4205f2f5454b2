namespace Scraps.Model.Training;

/// <summary>
/// Where the loop's reports go: the run folder's logs (<see cref="TrainingLog"/>) always, the host's observer when
/// there is one. One place to send a report to keeps the CSV, TensorBoard and the console from drifting apart.
/// </summary>
internal sealed class TrainingReporter(TrainingLog log, ITrainingObserver? observer) : IDisposable
{
    public void Started(TrainingStarted started) => observer?.OnStarted(started);

    public void Step(TrainingStepReport report)
    {
        log.Write(report);
        observer?.OnStep(report);
    }

    public void Validated(ValidationReport report)
    {
        log.Write(report);
        observer?.OnValidated(report);
    }

    public void CheckpointSaved(long step, string directory) => observer?.OnCheckpointSaved(step, directory);

    public void Pace(TimeSpan perStep, long stepsLeft) => observer?.OnPace(perStep, stepsLeft);

    /// <summary>Tells the observer at once when <paramref name="cancellationToken"/> fires, with the step that <paramref name="step"/> reads then.</summary>
    public CancellationTokenRegistration OnStopping(CancellationToken cancellationToken, Func<long> step) =>
        cancellationToken.Register(() => observer?.OnStopping(step()));

    public void Dispose() => log.Dispose();
}
