using System.Diagnostics;
using System.Runtime;
using Scraps.Model.Modules;
using Scraps.Model.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Scraps.Model.Training;

/// <summary>
/// Trains a <see cref="ScrapsNet"/> with the symmetric contrastive loss: Adam, warm-up (+ optional cosine)
/// schedule, gradient clipping, length-bucketed batches, optional noise/mix augmentation and SpecAugment. Every step runs in its own
/// dispose scope. Validates on fixed held-out minibatches, logs to CSV and TensorBoard, writes checkpoints
/// every N steps and when it stops (also on cancellation), and resumes from the latest one with the same
/// step, optimiser state and data order: all randomness is derived from (seed, step), so a resumed run
/// continues exactly as an uninterrupted one would.
/// </summary>
public sealed class TrainingLoop
{
    private readonly TrainingOptions _options;
    private readonly ITrainingData _data;
    private readonly TorchDeviceInfo _device;
    private readonly IValidationScorer _scorer;
    private readonly ITrainingObserver? _observer;
    private readonly CheckpointStore _store;
    private readonly string _runDirectory;

    public TrainingLoop(
        TrainingOptions options,
        ITrainingData data,
        string runDirectory,
        TorchDeviceInfo device,
        IValidationScorer scorer,
        ITrainingObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(runDirectory);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(scorer);
        options.Validate();
        _options = options;
        _data = data;
        _runDirectory = Path.GetFullPath(runDirectory);
        _device = device;
        _scorer = scorer;
        _observer = observer;
        _store = new CheckpointStore(_runDirectory);
    }

    /// <summary>
    /// Trains until <see cref="TrainingOptions.Steps"/> or cancellation. With <paramref name="resume"/>, continues
    /// from the run folder's latest checkpoint (or starts fresh when it has none); without, the run folder must
    /// not hold checkpoints yet.
    /// </summary>
    public TrainingResult Run(bool resume = false, CancellationToken cancellationToken = default)
    {
        // TorchSharp frees the native side of temporary Scalars (masked_fill(mask, 0), sub(1), Adam's mul_(beta1)...)
        // in finalizers. A background (concurrent) GC can find such a Scalar unreachable while libtorch is still
        // reading it inside the native call, and free it under libtorch's feet ("Unknown scalar type", random
        // crashes after thousands of steps). Blocking GCs only run when a managed thread allocates, never in the
        // middle of the training thread's native calls, so training runs with concurrent GC off.
        var latency = GCSettings.LatencyMode;
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        if (!_device.IsCuda)
        {
            NativeHeap.KeepFreedMemory();
        }

        try
        {
            return Train(resume, cancellationToken);
        }
        finally
        {
            GCSettings.LatencyMode = latency;
        }
    }

    private TrainingResult Train(bool resume, CancellationToken cancellationToken)
    {
        var checkpoint = _store.LoadLatest();
        if (checkpoint is not null && !resume)
        {
            throw new ArgumentException(
                $"{_runDirectory} already holds checkpoints (latest: step {checkpoint.Step}); pass --resume to continue that run or choose another output folder.");
        }
        if (checkpoint is not null)
        {
            ResumeCheck.ThrowIfNotResumable(checkpoint, _options, _data.InventoryVersion);
        }

        var (train, skippedTrain) = UsableUtterances.Of(_data.Train, _options, "train");
        var (valid, skippedValid) = UsableUtterances.Of(_data.Valid, _options, "valid");
        var sampler = new LengthBucketSampler(train, _options);
        var inventory = TrainingPhonemes.Inventory(_options, _data.InventoryVersion);
        var negatives = TrainingPhonemes.NearMissSampler(_options, inventory);

        using var model = CreateModel(checkpoint, out var initialWeights);
        model.to(_device.Device);
        model.CheckInputValues = false; // UsableUtterances checked every id and length once; no host sync per forward
        using var state = new TrainState(_options, model, _data, _device, TrainingPhonemes.IsPhone(inventory), negatives);
        if (checkpoint is not null)
        {
            state.Optimizer.load_state_dict(Path.Combine(checkpoint.Directory!, CheckpointStore.OptimizerFile));
        }

        var validation = new PeriodicValidation(_options, _scorer, valid, state.ValidationNegatives);
        var step = checkpoint?.Step ?? 0;
        var position = checkpoint?.Position ?? new DataPosition(0, 0);
        using var reporter = new TrainingReporter(new TrainingLog(_runDirectory, step, resumed: checkpoint is not null), _observer);
        reporter.Started(new TrainingStarted(
            _device.Reason, state.Parameters.Sum(p => p.numel()), train.Count, valid.Count, skippedTrain + skippedValid,
            sampler.Epoch(position.Epoch).Count, step, _options.Steps, checkpoint?.Directory, initialWeights?.Description)
        {
            LabelledUtterances = train.Count(u => u.PhoneFrames is not null),
        });

        using var statistics = new RunStatistics(_options);
        ValidationReport? lastValidation = null;
        string? lastCheckpoint = checkpoint?.Directory;
        var savedStep = step;
        using var stopping = reporter.OnStopping(cancellationToken, () => step);
        model.train();
        using (var prefetcher = new BatchPrefetcher(state, sampler, train, position, step + 1, _options.Steps))
        {
            while (step < _options.Steps && !cancellationToken.IsCancellationRequested)
            {
                step++;
                var batch = prefetcher.Take();
                var started = Stopwatch.GetTimestamp();
                var result = state.Step(batch.Host, step);
                var took = Stopwatch.GetElapsedTime(started);
                statistics.Add(result, took);
                position = batch.Next;
                if (statistics.StepsThisProcess == 2)
                {
                    // The first step pays one-time costs, so the pace is read on the second.
                    reporter.Pace(took, _options.Steps - step);
                }

                if (IsDue(step, _options.LogEvery))
                {
                    var report = statistics.Report(step, _options.Steps, position.Epoch, result.Rate, batch.Count);
                    if (!double.IsFinite(report.Loss))
                    {
                        throw new TrainingDivergedException(
                            $"The training loss became {report.Loss} by step {step}; lower the learning rate (now {result.Rate:G3}) or the gradient clip norm, " +
                            $"or resume from the last checkpoint ({lastCheckpoint ?? "none"}).");
                    }
                    reporter.Step(report);
                }
                if (validation.IsDue(step))
                {
                    lastValidation = validation.Run(state, step);
                    reporter.Validated(lastValidation);
                }
                if (IsDue(step, _options.CheckpointEvery))
                {
                    lastCheckpoint = Save(state, step, position, statistics.LastStepLoss, reporter);
                    savedStep = step;
                }
            }
        }
        if (savedStep != step)
        {
            // Cancelled between checkpoints: save where we are so --resume loses nothing.
            lastCheckpoint = Save(state, step, position, statistics.LastStepLoss, reporter);
        }
        return new TrainingResult(step, step < _options.Steps, statistics.FirstLoss, statistics.LastLoss, lastValidation, lastCheckpoint, statistics.OverallStepsPerSecond);
    }

    /// <summary>Every <paramref name="every"/> steps, and at the last step so that a run always ends with a report and a checkpoint.</summary>
    private bool IsDue(long step, int every) => step % every == 0 || step == _options.Steps;

    /// <summary>
    /// The model the run starts from: the checkpoint's weights when resuming, else the initial weights asked for, else a
    /// fresh initialisation from the seed.
    /// </summary>
    private ScrapsNet CreateModel(TrainingCheckpoint? checkpoint, out InitialWeights? initialWeights)
    {
        var config = _options.Config;
        initialWeights = null;
        // Seeded before any weights are made, so that fresh layers (a new run, or a head added to initial weights) start alike on every run.
        manual_seed(new DeterministicRandom(_options.Seed, RandomPurpose.Initialisation, 0).NextSeed());
        if (checkpoint is not null)
        {
            return ScrapsNet.LoadWeights(Path.Combine(checkpoint.Directory!, CheckpointStore.WeightsFile), config);
        }

        if (_options.InitialWeights is not null)
        {
            initialWeights = InitialWeights.Resolve(_options.InitialWeights, config, _data.InventoryVersion);
            return initialWeights.Load(config);
        }

        return new ScrapsNet(config);
    }

    private string Save(TrainState state, long step, DataPosition position, double lastLoss, TrainingReporter reporter)
    {
        var checkpoint = new TrainingCheckpoint
        {
            Step = step,
            Position = position,
            Options = _options,
            InventoryVersion = _data.InventoryVersion,
            LastLoss = lastLoss,
            SavedAt = DateTimeOffset.UtcNow,
        };
        var directory = _store.Save(
            checkpoint,
            state.Model.SaveWeights,
            path => state.Optimizer.save_state_dict(path),
            _options.KeepCheckpoints);
        reporter.CheckpointSaved(step, directory);
        return directory;
    }
}
