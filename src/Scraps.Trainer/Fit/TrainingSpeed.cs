using Scraps.Model.Runtime;
using Scraps.Model.Training;

namespace Scraps.Trainer.Fit;

/// <summary>
/// Measures training steps per second of a config with the real training loop (collation, forward, loss,
/// backward, clipping, Adam) on synthetic clips of one length; the first steps are warm-up and not counted.
/// </summary>
internal static class TrainingSpeed
{
    public static TrainingSpeedResult Measure(ScrapsModelConfig config, TorchDeviceInfo device, int batch, int frames, int phonemes, int warmup, int steps)
    {
        if (warmup < 0 || steps < 1)
        {
            throw new ArgumentException($"--warmup ({warmup}) must not be negative and --steps ({steps}) must be positive.");
        }

        var data = new SyntheticTrainingData(batch * 4, frames, phonemes, config.VocabSize, config.MelBins);
        var options = new TrainingOptions
        {
            Config = config,
            Steps = warmup + steps,
            BatchSize = batch,
            WarmupSteps = 0,
            MaxClipFrames = Math.Max(frames, 1),
            ValidateEvery = 0,
            CheckpointEvery = int.MaxValue,
            LogEvery = 1,
        };
        var run = Directory.CreateTempSubdirectory("scraps-bench-").FullName;
        try
        {
            var timer = new StepTimer(warmup);
            var result = new TrainingLoop(options, data, run, device, new NoScorer(), timer).Run();
            return new TrainingSpeedResult(config.Name, timer.Parameters, batch, frames, phonemes, steps, timer.StepsPerSecond, result.LastLoss);
        }
        finally
        {
            Directory.Delete(run, recursive: true);
        }
    }

    private sealed class StepTimer(int warmup) : ITrainingObserver
    {
        private double _seconds;
        private int _counted;

        public long Parameters { get; private set; }

        public double StepsPerSecond => _seconds > 0 ? _counted / _seconds : 0;

        public void OnStarted(TrainingStarted started) => Parameters = started.Parameters;

        public void OnStep(TrainingStepReport step)
        {
            if (step.Step <= warmup || step.StepsPerSecond <= 0)
            {
                return;
            }

            _seconds += 1 / step.StepsPerSecond;
            _counted++;
        }

        public void OnValidated(ValidationReport validation)
        {
        }

        public void OnCheckpointSaved(long step, string directory)
        {
        }
    }

    private sealed class NoScorer : IValidationScorer
    {
        public ValidationFigures Score(IReadOnlyList<float[,]> scoreMatrices) => throw new InvalidOperationException("Speed runs do not validate.");
    }
}

/// <summary>One row of the speed table.</summary>
internal sealed record TrainingSpeedResult(
    string Config, long Parameters, int Batch, int Frames, int Phonemes, int Steps, double StepsPerSecond, double Loss)
{
    /// <summary>Seconds of audio trained on per second (frames of 12.5 ms).</summary>
    public double AudioSecondsPerSecond => StepsPerSecond * Batch * Frames * Scraps.Audio.LogMel.FrameSeconds;
}
