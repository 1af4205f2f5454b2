namespace Scraps.Model.Training;

/// <summary>
/// Learning rate as a pure function of the step: linear warm-up from 0 over the first warm-up steps, then
/// constant, or a cosine decay to <see cref="TrainingOptions.MinLearningRateRatio"/> x peak at the last step.
/// </summary>
internal sealed class LearningRateSchedule(TrainingOptions options)
{
    /// <summary>The rate for step <paramref name="step"/> (1-based: the first update is step 1).</summary>
    public double At(long step)
    {
        var peak = options.LearningRate;
        if (options.WarmupSteps > 0 && step <= options.WarmupSteps)
        {
            return peak * step / options.WarmupSteps;
        }

        if (options.Schedule == LearningRateScheduleKind.Constant)
        {
            return peak;
        }

        var decaySteps = Math.Max(1, options.Steps - options.WarmupSteps);
        var progress = Math.Clamp((double)(step - options.WarmupSteps) / decaySteps, 0, 1);
        var floor = peak * options.MinLearningRateRatio;
        return floor + (peak - floor) * 0.5 * (1 + Math.Cos(Math.PI * progress));
    }
}

public enum LearningRateScheduleKind
{
    /// <summary>Warm-up, then the peak rate to the end (the paper).</summary>
    Constant,

    /// <summary>Warm-up, then a cosine decay to the floor at the last step.</summary>
    Cosine,
}
