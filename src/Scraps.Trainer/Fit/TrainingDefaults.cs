using Scraps.Model.Training;

namespace Scraps.Trainer.Fit;

/// <summary>
/// What `fit` uses where the user names no batch size, frame budget or warm-up: the paper's batch of 128 on CUDA; on a
/// CPU a batch of 32 within a budget of padded frames, so a batch of long clips gets fewer of them. Measured on 2 cores
/// (issue 24): the paper's sizes, 128 clips up to 1,600 frames, took ~78 s a step; this budget a few seconds. The
/// warm-up is at most a tenth of the run, so a short run leaves it.
/// </summary>
internal static class TrainingDefaults
{
    public const int CpuBatchSize = 32;

    /// <summary>Padded frames per CPU batch: 200 s of audio (32 clips of 6 s, or 10 of 20 s).</summary>
    public const int CpuFramesPerBatch = 16_000;

    public static TrainingOptions ForDevice(TrainingOptions options, bool cuda, bool batchGiven, bool budgetGiven, bool warmupGiven)
    {
        if (!cuda && !batchGiven)
        {
            options = options with { BatchSize = CpuBatchSize };
        }

        if (!cuda && !budgetGiven)
        {
            options = options with { MaxFramesPerBatch = Math.Max(CpuFramesPerBatch, 2 * options.MaxClipFrames) };
        }

        if (!warmupGiven)
        {
            options = options with { WarmupSteps = (int)Math.Min(options.WarmupSteps, Math.Max(1, options.Steps / 10)) };
        }

        return options;
    }
}
