namespace Scraps.Model.Training;

/// <summary>Receives what the training loop does, on the training thread (keep handlers quick).</summary>
public interface ITrainingObserver
{
    void OnStarted(TrainingStarted started);

    /// <summary>Every <see cref="TrainingOptions.LogEvery"/> steps.</summary>
    void OnStep(TrainingStepReport step);

    void OnValidated(ValidationReport validation);

    void OnCheckpointSaved(long step, string directory);

    /// <summary>
    /// Cancellation was asked for (Ctrl+C) while step <paramref name="step"/> (or the one after it) runs: called at once,
    /// from the thread that cancelled, so the user hears back before the step and its checkpoint finish.
    /// </summary>
    void OnStopping(long step) { }

    /// <summary>
    /// The pace measured on the first steps of this process (the second step, past one-time costs): seconds a step, and
    /// the steps left to <see cref="TrainingOptions.Steps"/>.
    /// </summary>
    void OnPace(TimeSpan perStep, long stepsLeft) { }
}

/// <summary>The setting of a run, reported once before the first step.</summary>
/// <param name="Device">The device and why it was chosen (e.g. "cpu: no CUDA libraries configured").</param>
/// <param name="SkippedTooLong">Utterances left out because they exceed <see cref="TrainingOptions.MaxClipFrames"/> or the positional table.</param>
/// <param name="ResumedFrom">The checkpoint folder resumed from, or null for a fresh run.</param>
/// <param name="InitialWeights">For a fresh run started from another run's weights, that checkpoint folder; else null.</param>
public sealed record TrainingStarted(
    string Device,
    long Parameters,
    int TrainUtterances,
    int ValidUtterances,
    int SkippedTooLong,
    int BatchesPerEpoch,
    long StartStep,
    long Steps,
    string? ResumedFrom,
    string? InitialWeights = null)
{
    /// <summary>Training utterances whose clips carry frame-level phone labels.</summary>
    public int LabelledUtterances { get; init; }
}

/// <param name="Loss">Mean training loss over the steps since the previous report.</param>
/// <param name="StepsPerSecond">Over the steps since the previous report.</param>
/// <param name="GradientNorm">Mean global gradient norm before clipping over the steps since the previous report.</param>
public sealed record TrainingStepReport(
    long Step, long Steps, int Epoch, double Loss, double LearningRate, double GradientNorm, double StepsPerSecond, int BatchSize, TimeSpan Elapsed)
{
    /// <summary>The window's mean of each part of the loss (NaN for a part that is off).</summary>
    public LossParts Parts { get; init; } = new(double.NaN, double.NaN, double.NaN);

    /// <summary>Seconds of training audio (clips' frames, padding not counted) per second of step time over the window.</summary>
    public double AudioSecondsPerSecond { get; init; }
}

/// <summary>Parts of L = L_clip + w L_hard + λ L_ctc + μ L_frame (unweighted; NaN where off).</summary>
public sealed record LossParts(double Contrastive, double HardNegative, double Ctc)
{
    /// <summary>Mean frame cross-entropy over the window's steps whose batch had frame labels (NaN where none had).</summary>
    public double Frame { get; init; } = double.NaN;

    /// <summary>Mean matching-head loss over the window (NaN where off).</summary>
    public double Matching { get; init; } = double.NaN;
}

/// <summary>The in-batch validation at one step, averaged over the validation minibatches.</summary>
public sealed record ValidationReport(long Step, double Loss, ValidationFigures Figures, int Batches, int BatchSize, TimeSpan Duration)
{
    /// <summary>AUC of each clip's own transcript against a close-word near miss of it (NaN without a lexicon).</summary>
    public double NearMissAuc { get; init; } = double.NaN;

    /// <summary>Greedy CTC phone error rate (NaN without the CTC head).</summary>
    public double PhoneErrorRate { get; init; } = double.NaN;

    /// <summary>AUC of the matching head's pair logit, own transcript against its close-word near miss (NaN without the head).</summary>
    public double MatchingNearMissAuc { get; init; } = double.NaN;
}

/// <summary>How a run ended.</summary>
/// <param name="Cancelled">True when it stopped early on cancellation (a checkpoint was still written).</param>
/// <param name="FirstLoss">Mean training loss over the first logged window of this run.</param>
/// <param name="LastLoss">Mean training loss over the last logged window.</param>
public sealed record TrainingResult(
    long Step, bool Cancelled, double FirstLoss, double LastLoss, ValidationReport? LastValidation, string? LastCheckpoint, double StepsPerSecond);
