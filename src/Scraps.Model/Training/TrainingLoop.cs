using System.Diagnostics;
using System.Runtime;
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
    private const int ValidationChunk = 32;

    private readonly TrainingOptions options;
    private readonly ITrainingData data;
    private readonly TorchDeviceInfo device;
    private readonly IValidationScorer scorer;
    private readonly ITrainingObserver? observer;
    private readonly CheckpointStore store;
    private readonly string runDirectory;

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
        this.options = options;
        this.data = data;
        this.runDirectory = Path.GetFullPath(runDirectory);
        this.device = device;
        this.scorer = scorer;
        this.observer = observer;
        store = new CheckpointStore(this.runDirectory);
    }

    /// <summary>The newest checkpoint in <paramref name="runDirectory"/>, or null (to read a run's options before resuming it).</summary>
    public static TrainingCheckpoint? LatestCheckpoint(string runDirectory) => new CheckpointStore(Path.GetFullPath(runDirectory)).LoadLatest();

    /// <summary>
    /// A checkpoint folder named by the user: a run folder's latest checkpoint, or the checkpoint folder itself.
    /// <see cref="DirectoryNotFoundException"/>, <see cref="ArgumentException"/> or <see cref="CheckpointFormatException"/>
    /// (message starting with <paramref name="what"/>) when it is neither or holds no checkpoint.
    /// </summary>
    public static string CheckpointFolderOf(string runOrCheckpoint, string what)
    {
        var full = Path.GetFullPath(runOrCheckpoint);
        if (!Directory.Exists(full)) throw new DirectoryNotFoundException($"{what}: folder not found: {full}");
        if (File.Exists(Path.Combine(full, CheckpointStore.StateFile))) return full;
        if (!Directory.Exists(Path.Combine(full, CheckpointStore.Folder)))
            throw new ArgumentException($"{what}: {full} is neither a run folder (with {CheckpointStore.Folder}/) nor a checkpoint folder (with {CheckpointStore.StateFile}).");
        return (LatestCheckpoint(full) ?? throw new CheckpointFormatException($"{what}: run folder {full} holds no checkpoint.")).Directory!;
    }

    /// <summary>One checkpoint folder (<c>RUN/checkpoints/step-NNNNNNNNN</c>); <see cref="CheckpointFormatException"/> when incomplete or unreadable.</summary>
    public static TrainingCheckpoint ReadCheckpoint(string checkpointDirectory) => CheckpointStore.Load(Path.GetFullPath(checkpointDirectory));

    /// <summary>
    /// Only the <c>state.json</c> of a checkpoint folder, for readers that need no optimizer state (export);
    /// <see cref="FileNotFoundException"/> when it is missing, <see cref="CheckpointFormatException"/> when unreadable.
    /// </summary>
    public static TrainingCheckpoint ReadCheckpointState(string checkpointDirectory) => CheckpointStore.LoadState(Path.GetFullPath(checkpointDirectory));

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
        var checkpoint = store.LoadLatest();
        if (checkpoint is not null && !resume)
        {
            throw new ArgumentException(
                $"{runDirectory} already holds checkpoints (latest: step {checkpoint.Step}); pass --resume to continue that run or choose another output folder.");
        }
        if (checkpoint is not null) CheckResumable(checkpoint);

        var config = options.Config;
        var (train, skippedTrain) = Usable(data.Train, "train");
        var (valid, skippedValid) = Usable(data.Valid, "valid");
        var sampler = new LengthBucketSampler(train, options);
        var validation = ValidationSet.Draw(valid, options);
        var collator = new BatchCollator(data, config.MelBins, device.Device);
        var augment = options.SpecAugment ? new SpecAugment(options, config.MelBins) : null;
        var mixing = options.NoiseAugmentProbability + options.MixAugmentProbability > 0 ? new FeatureMixing(options, config.MelBins) : null;
        var schedule = new LearningRateSchedule(options);

        manual_seed(new DeterministicRandom(options.Seed, RandomPurpose.Initialisation, 0).NextSeed());
        var initialWeights = checkpoint is null && options.InitialWeights is not null ? InitialWeightsCheckpoint(options.InitialWeights) : null;
        using var model = checkpoint is not null
            ? ScrapsNet.LoadWeights(Path.Combine(checkpoint.Directory!, CheckpointStore.WeightsFile), config)
            : initialWeights is not null
                ? ScrapsNet.LoadWeights(initialWeights.WeightsPath!, config)
                : new ScrapsNet(config);
        model.to(device.Device);
        using var loss = new SymmetricContrastiveLoss();
        var parameters = model.parameters().ToArray();
        using var optimizer = optim.Adam(parameters, options.LearningRate);
        if (checkpoint is not null) optimizer.load_state_dict(Path.Combine(checkpoint.Directory!, CheckpointStore.OptimizerFile));

        var step = checkpoint?.Step ?? 0;
        var position = checkpoint?.Position ?? new DataPosition(0, 0);
        using var log = new TrainingLog(runDirectory, step, resumed: checkpoint is not null);
        observer?.OnStarted(new TrainingStarted(
            device.Reason, parameters.Sum(p => p.numel()), train.Count, valid.Count, skippedTrain + skippedValid,
            sampler.Epoch(position.Epoch).Count, step, options.Steps, checkpoint?.Directory, initialWeights?.Directory));

        var run = new RunState();
        ValidationReport? lastValidation = null;
        string? lastCheckpoint = checkpoint?.Directory;
        var savedStep = step;
        model.train();
        while (step < options.Steps && !cancellationToken.IsCancellationRequested)
        {
            step++;
            (var indices, var next) = sampler.Take(position);
            var batch = indices.Select(i => train[i]).ToArray();
            var started = Stopwatch.GetTimestamp();
            var (value, gradientNorm, rate) = Step(model, loss, optimizer, parameters, collator, augment, mixing, schedule, batch, step);
            run.Add(value, Stopwatch.GetElapsedTime(started));
            position = next;
            if (!double.IsFinite(value))
            {
                throw new TrainingDivergedException(
                    $"The training loss became {value} at step {step}; lower the learning rate (now {rate:G3}) or the gradient clip norm, " +
                    $"or resume from the last checkpoint ({lastCheckpoint ?? "none"}).");
            }

            if (step % options.LogEvery == 0 || step == options.Steps)
            {
                var report = run.Report(step, options.Steps, position.Epoch, rate, gradientNorm, batch.Length);
                log.Write(report);
                observer?.OnStep(report);
            }
            if (options.ValidateEvery > 0 && validation.Count > 0 && (step % options.ValidateEvery == 0 || step == options.Steps))
            {
                lastValidation = Validate(model, loss, collator, validation, step);
                log.Write(lastValidation);
                observer?.OnValidated(lastValidation);
            }
            if (step % options.CheckpointEvery == 0 || step == options.Steps)
            {
                lastCheckpoint = Save(model, optimizer, step, position, run.LastStepLoss);
                savedStep = step;
            }
        }
        if (savedStep != step)
        {
            // Cancelled between checkpoints: save where we are so --resume loses nothing.
            lastCheckpoint = Save(model, optimizer, step, position, run.LastStepLoss);
        }
        return new TrainingResult(step, step < options.Steps, run.FirstLoss, run.LastLoss, lastValidation, lastCheckpoint, run.OverallStepsPerSecond);
    }

    /// <summary>One optimiser step in its own dispose scope: (loss, gradient norm before clipping, learning rate).</summary>
    private (double Loss, double GradientNorm, double Rate) Step(
        ScrapsNet model, SymmetricContrastiveLoss loss, optim.Optimizer optimizer, TorchSharp.Modules.Parameter[] parameters,
        BatchCollator collator, SpecAugment? augment, FeatureMixing? mixing, LearningRateSchedule schedule, TrainingUtterance[] batch, long step)
    {
        using var scope = NewDisposeScope();
        var dropoutSeed = new DeterministicRandom(options.Seed, RandomPurpose.Dropout, step).NextSeed();
        manual_seed(dropoutSeed);
        if (device.IsCuda) cuda.manual_seed_all(dropoutSeed);
        var host = collator.Prepare(batch, augment, new DeterministicRandom(options.Seed, RandomPurpose.Augmentation, step), mixing);
        var tensors = collator.ToDevice(host);

        optimizer.zero_grad();
        var (phonetic, acoustic) = model.forward(tensors.Ids, tensors.IdLengths, tensors.Features, tensors.FeatureLengths);
        var value = loss.Compute(phonetic, acoustic);
        value.backward();
        var gradientNorm = options.GradientClipNorm > 0
            ? nn.utils.clip_grad_norm_(parameters, options.GradientClipNorm)
            : double.NaN;
        var rate = schedule.At(step);
        foreach (var group in optimizer.ParamGroups) group.LearningRate = rate;
        optimizer.step();
        return (value.item<float>(), gradientNorm, rate);
    }

    /// <summary>In-batch scores of every validation minibatch, without dropout or gradients.</summary>
    private ValidationReport Validate(ScrapsNet model, SymmetricContrastiveLoss loss, BatchCollator collator, IReadOnlyList<TrainingUtterance[]> batches, long step)
    {
        var started = Stopwatch.GetTimestamp();
        var matrices = new List<float[,]>(batches.Count);
        double lossSum = 0;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            foreach (var batch in batches)
            {
                using var scope = NewDisposeScope();
                var phonetic = new List<Tensor>();
                var acoustic = new List<Tensor>();
                for (var start = 0; start < batch.Length; start += ValidationChunk)
                {
                    var chunk = batch.AsSpan(start, Math.Min(ValidationChunk, batch.Length - start)).ToArray();
                    var tensors = collator.ToDevice(collator.Prepare(chunk));
                    phonetic.Add(model.EmbedPhonemes(tensors.Ids, tensors.IdLengths));
                    acoustic.Add(model.EmbedAcoustic(tensors.Features, tensors.FeatureLengths));
                }
                var p = cat(phonetic, 0);
                var a = cat(acoustic, 0);
                lossSum += loss.Compute(p, a).item<float>();
                matrices.Add(ToMatrix(SymmetricContrastiveLoss.Scores(p, a)));
            }
        }
        finally
        {
            model.train();
        }
        var figures = scorer.Score(matrices);
        return new ValidationReport(step, lossSum / batches.Count, figures, batches.Count, batches[0].Length, Stopwatch.GetElapsedTime(started));
    }

    private string Save(ScrapsNet model, optim.Optimizer optimizer, long step, DataPosition position, double lastLoss)
    {
        var state = new TrainingCheckpoint
        {
            Step = step,
            Position = position,
            Options = options,
            InventoryVersion = data.InventoryVersion,
            LastLoss = lastLoss,
            SavedAt = DateTimeOffset.UtcNow,
        };
        var directory = store.Save(
            state,
            model.SaveWeights,
            path => ((TorchSharp.Modules.OptimizerHelper)optimizer).save_state_dict(path),
            options.KeepCheckpoints);
        observer?.OnCheckpointSaved(step, directory);
        return directory;
    }

    /// <summary>A resumed run must train the same architecture on the same data order and phoneme inventory.</summary>
    private void CheckResumable(TrainingCheckpoint checkpoint)
    {
        var problems = ArchitectureProblems(checkpoint);
        var saved = checkpoint.Options.DataOrderOptions().ToDictionary(o => o.Name, o => o.Value);
        foreach (var (name, value) in options.DataOrderOptions())
            if (!Equals(saved[name], value)) problems.Add($"{name} is {value}, the checkpoint used {saved[name]}");
        if (checkpoint.Step > options.Steps)
            problems.Add($"the checkpoint is at step {checkpoint.Step}, past the requested {options.Steps} steps");
        if (problems.Count > 0)
            throw new CheckpointFormatException($"Cannot resume from {checkpoint.Directory}: {string.Join("; ", problems)}.");
    }

    /// <summary>What keeps a checkpoint's weights out of this run: another model config or phoneme inventory.</summary>
    private List<string> ArchitectureProblems(TrainingCheckpoint checkpoint)
    {
        var problems = new List<string>();
        if (checkpoint.Options.Config != options.Config)
            problems.Add($"the model config differs (checkpoint: {checkpoint.Options.Config.ToJson().ReplaceLineEndings(" ")})");
        if (checkpoint.InventoryVersion != data.InventoryVersion)
            problems.Add($"the phoneme inventory is {data.InventoryVersion}, the checkpoint used {checkpoint.InventoryVersion}");
        return problems;
    }

    /// <summary>
    /// The checkpoint (or the run folder's latest) whose weights start a new run (<see cref="TrainingOptions.InitialWeights"/>),
    /// after checking that it was trained with this run's model config and phoneme inventory.
    /// </summary>
    private TrainingCheckpoint InitialWeightsCheckpoint(string runOrCheckpoint)
    {
        var source = CheckpointStore.LoadState(CheckpointFolderOf(runOrCheckpoint, "initial weights"));
        var problems = ArchitectureProblems(source);
        var weights = source.WeightsPath!;
        if (!File.Exists(weights)) problems.Add($"{weights} is missing");
        if (problems.Count > 0)
            throw new CheckpointFormatException($"Cannot start from the weights of {source.Directory}: {string.Join("; ", problems)}.");
        return source;
    }

    /// <summary>Utterances the model can take; phoneme ids outside the vocabulary are an error, over-long clips are skipped.</summary>
    private (IReadOnlyList<TrainingUtterance> Usable, int Skipped) Usable(IReadOnlyList<TrainingUtterance> utterances, string split)
    {
        var config = options.Config;
        var usable = new List<TrainingUtterance>(utterances.Count);
        foreach (var u in utterances)
        {
            foreach (var id in u.PhonemeIds)
            {
                if (id < 1 || id >= config.VocabSize)
                    throw new ArgumentException(
                        $"Utterance '{u.Id}' ({split}) has phoneme id {id}, outside the model's vocabulary 1..{config.VocabSize - 1}: " +
                        "the feature cache and the model config disagree on the phoneme inventory.");
            }
            if (u.Frames >= 1 && u.Frames <= options.MaxClipFrames && u.PhonemeIds.Length >= 1
                && u.PhonemeIds.Length <= config.MaxPositions && config.SubsampledLength(u.Frames) <= config.MaxPositions)
                usable.Add(u);
        }
        return (usable, utterances.Count - usable.Count);
    }

    private static float[,] ToMatrix(Tensor scores)
    {
        var n = (int)scores.shape[0];
        var values = scores.cpu().contiguous().data<float>().ToArray();
        var matrix = new float[n, n];
        Buffer.BlockCopy(values, 0, matrix, 0, values.Length * sizeof(float));
        return matrix;
    }

    /// <summary>Loss and speed bookkeeping between reports.</summary>
    private sealed class RunState
    {
        private readonly Stopwatch wall = Stopwatch.StartNew();
        private double windowLoss;
        private int windowSteps;
        private TimeSpan windowTime;
        private TimeSpan totalTime;
        private long totalSteps;
        private double firstWindow = double.NaN;
        private double lastWindow = double.NaN;

        /// <summary>Loss of the latest step.</summary>
        public double LastStepLoss { get; private set; } = double.NaN;

        /// <summary>Mean loss of the first reported window (the latest step's loss before any report).</summary>
        public double FirstLoss => double.IsNaN(firstWindow) ? LastStepLoss : firstWindow;

        /// <summary>Mean loss of the latest reported window (the latest step's loss before any report).</summary>
        public double LastLoss => double.IsNaN(lastWindow) ? LastStepLoss : lastWindow;

        public double OverallStepsPerSecond => totalTime > TimeSpan.Zero ? totalSteps / totalTime.TotalSeconds : 0;

        public void Add(double loss, TimeSpan duration)
        {
            windowLoss += loss;
            windowSteps++;
            windowTime += duration;
            totalTime += duration;
            totalSteps++;
            LastStepLoss = loss;
        }

        public TrainingStepReport Report(long step, long steps, int epoch, double rate, double gradientNorm, int batchSize)
        {
            var mean = windowSteps > 0 ? windowLoss / windowSteps : double.NaN;
            if (double.IsNaN(firstWindow)) firstWindow = mean;
            lastWindow = mean;
            var speed = windowTime > TimeSpan.Zero ? windowSteps / windowTime.TotalSeconds : 0;
            (windowLoss, windowSteps, windowTime) = (0, 0, TimeSpan.Zero);
            return new TrainingStepReport(step, steps, epoch, mean, rate, gradientNorm, speed, batchSize, wall.Elapsed);
        }
    }
}
