using System.Diagnostics;
using System.Runtime;
using Scraps.Model.Loss;
using Scraps.Model.Modules;
using Scraps.Model.Runtime;
using Scraps.Phonetics;
using Scraps.Phonetics.Lexicon;
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
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"{what}: folder not found: {full}");
        }

        if (File.Exists(Path.Combine(full, CheckpointStore.StateFile)))
        {
            return full;
        }

        if (!Directory.Exists(Path.Combine(full, CheckpointStore.Folder)))
        {
            throw new ArgumentException($"{what}: {full} is neither a run folder (with {CheckpointStore.Folder}/) nor a checkpoint folder (with {CheckpointStore.StateFile}).");
        }

        return (LatestCheckpoint(full) ?? throw new CheckpointFormatException($"{what}: run folder {full} holds no checkpoint.")).Directory!;
    }

    /// <summary>
    /// The full path of what <c>--init-from</c> names, as <see cref="InitialWeights.Resolve"/> reads it: a model package
    /// folder or a safetensors file as given, a run folder as its latest checkpoint folder.
    /// </summary>
    public static string InitialWeightsFolderOf(string path) =>
        File.Exists(Path.Combine(Path.GetFullPath(path), InitialWeights.PackageManifest)) || SafetensorsInitialWeights.FileOf(path) is not null
            ? Path.GetFullPath(path)
            : CheckpointFolderOf(path, "--init-from");

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
            CheckResumable(checkpoint);
        }

        var config = _options.Config;
        var (train, skippedTrain) = Usable(_data.Train, "train");
        var (valid, skippedValid) = Usable(_data.Valid, "valid");
        var sampler = new LengthBucketSampler(train, _options);
        var validation = ValidationSet.Draw(valid, _options);
        var inventory = Inventory();
        var negatives = NearMissSampler(inventory);

        manual_seed(new DeterministicRandom(_options.Seed, RandomPurpose.Initialisation, 0).NextSeed());
        var initialWeights = checkpoint is null && _options.InitialWeights is not null ? InitialWeights.Resolve(_options.InitialWeights, config, _data.InventoryVersion) : null;
        using var model = checkpoint is not null
            ? ScrapsNet.LoadWeights(Path.Combine(checkpoint.Directory!, CheckpointStore.WeightsFile), config)
            : initialWeights is not null
                ? initialWeights.Load(config)
                : new ScrapsNet(config);
        model.to(_device.Device);
        model.CheckInputValues = false; // Usable() checked every id and length once; no host sync per forward
        using var state = new TrainState(_options, model, _data, _device, inventory?.Symbols.Select(x => x.Kind == PhonemeKind.Phone).ToArray(), negatives);
        if (checkpoint is not null)
        {
            state.Optimizer.load_state_dict(Path.Combine(checkpoint.Directory!, CheckpointStore.OptimizerFile));
        }

        var validationNegatives = state.ValidationNegatives is null ? null : ValidationNearMisses(validation, state.ValidationNegatives);

        var step = checkpoint?.Step ?? 0;
        var position = checkpoint?.Position ?? new DataPosition(0, 0);
        using var log = new TrainingLog(_runDirectory, step, resumed: checkpoint is not null);
        _observer?.OnStarted(new TrainingStarted(
            _device.Reason, state.Parameters.Sum(p => p.numel()), train.Count, valid.Count, skippedTrain + skippedValid,
            sampler.Epoch(position.Epoch).Count, step, _options.Steps, checkpoint?.Directory, initialWeights?.Description)
        {
            LabelledUtterances = train.Count(u => u.PhoneFrames is not null),
        });

        using var run = new RunState(_options);
        ValidationReport? lastValidation = null;
        string? lastCheckpoint = checkpoint?.Directory;
        var savedStep = step;
        using var stopping = cancellationToken.Register(() => _observer?.OnStopping(step));
        model.train();
        // The next batch is collated on another thread while this one trains (host work: reading, augmenting, padding).
        Task<(HostBatch Host, int[] Indices, DataPosition Next)>? prepared = step < _options.Steps ? PrepareAsync(state, sampler, train, position, step + 1) : null;
        while (step < _options.Steps && !cancellationToken.IsCancellationRequested)
        {
            step++;
            var (host, indices, next) = prepared!.GetAwaiter().GetResult();
            prepared = step < _options.Steps ? PrepareAsync(state, sampler, train, next, step + 1) : null;
            var started = Stopwatch.GetTimestamp();
            var result = state.Step(host, step);
            var took = Stopwatch.GetElapsedTime(started);
            run.Add(result, took);
            position = next;
            if (run.StepsThisProcess == 2)
            {
                _observer?.OnPace(took, _options.Steps - step);
            }

            if (step % _options.LogEvery == 0 || step == _options.Steps)
            {
                var report = run.Report(step, _options.Steps, position.Epoch, result.Rate, indices.Length);
                if (!double.IsFinite(report.Loss))
                {
                    throw new TrainingDivergedException(
                        $"The training loss became {report.Loss} by step {step}; lower the learning rate (now {result.Rate:G3}) or the gradient clip norm, " +
                        $"or resume from the last checkpoint ({lastCheckpoint ?? "none"}).");
                }
                log.Write(report);
                _observer?.OnStep(report);
            }
            if (_options.ValidateEvery > 0 && validation.Count > 0 && (step % _options.ValidateEvery == 0 || step == _options.Steps))
            {
                lastValidation = Validate(state, validation, validationNegatives, step);
                log.Write(lastValidation);
                _observer?.OnValidated(lastValidation);
            }
            if (step % _options.CheckpointEvery == 0 || step == _options.Steps)
            {
                lastCheckpoint = Save(model, state.Optimizer, step, position, run.LastStepLoss);
                savedStep = step;
            }
        }
        prepared?.ContinueWith(static _ => { }, TaskScheduler.Default).Wait(); // no collation left running past the loop
        if (savedStep != step)
        {
            // Cancelled between checkpoints: save where we are so --resume loses nothing.
            lastCheckpoint = Save(model, state.Optimizer, step, position, run.LastStepLoss);
        }
        return new TrainingResult(step, step < _options.Steps, run.FirstLoss, run.LastLoss, lastValidation, lastCheckpoint, run.OverallStepsPerSecond);
    }

    /// <summary>Collates the batch at <paramref name="position"/> for <paramref name="step"/> on a pool thread.</summary>
    private static Task<(HostBatch Host, int[] Indices, DataPosition Next)> PrepareAsync(
        TrainState state, LengthBucketSampler sampler, IReadOnlyList<TrainingUtterance> train, DataPosition position, long step) =>
        Task.Run(() =>
        {
            var (indices, next) = sampler.Take(position);
            var batch = indices.Select(i => train[i]).ToArray();
            return (state.Prepare(batch, step), indices, next);
        });

    /// <summary>
    /// In-batch scores of every validation minibatch, without dropout or gradients; with near misses, the AUC of each
    /// clip's own transcript against a close-word version of it; with the CTC head, the greedy phone error rate.
    /// </summary>
    private ValidationReport Validate(TrainState state, IReadOnlyList<TrainingUtterance[]> batches, IReadOnlyList<int[][]>? nearMisses, long step)
    {
        var started = Stopwatch.GetTimestamp();
        var matrices = new List<float[,]>(batches.Count);
        var positives = new List<double>();
        var negatives = new List<double>();
        var matchedPairs = new List<double>();
        var nearMissPairs = new List<double>();
        long phoneErrors = 0, phones = 0;
        double lossSum = 0;
        var model = state.Model;
        var collator = state.Collator;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            for (var b = 0; b < batches.Count; b++)
            {
                var batch = batches[b];
                using var scope = NewDisposeScope();
                var phonetic = new List<Tensor>();
                var acoustic = new List<Tensor>();
                var nearMiss = new List<Tensor>();
                for (var start = 0; start < batch.Length; start += ValidationChunk)
                {
                    var count = Math.Min(ValidationChunk, batch.Length - start);
                    var chunk = batch.AsSpan(start, count).ToArray();
                    var host = collator.Prepare(chunk, negatives: nearMisses?[b].AsSpan(start, count).ToArray());
                    var tensors = collator.ToDevice(host);
                    var (ownVectors, ownStates) = model.EncodePhonemes(tensors.Ids, tensors.IdLengths);
                    phonetic.Add(ownVectors);
                    var outputs = model.EncodeAcoustic(tensors.Features, tensors.FeatureLengths);
                    acoustic.Add(outputs.Embeddings);
                    if (tensors.NegativeIds is not null)
                    {
                        var (missVectors, missStates) = model.EncodePhonemes(tensors.NegativeIds, tensors.NegativeLengths!);
                        nearMiss.Add(missVectors);
                        if (model.Matching is not null && outputs.PhoneFeatures is not null)
                        {
                            // The matching head's pair logit (soft minimum over the phones) of each clip's transcript and of its near miss.
                            matchedPairs.AddRange(PairLogits(model.MatchLogits(ownStates, tensors.IdLengths, outputs.PhoneFeatures, outputs.PhoneStepLengths), tensors.Ids, state.IsPhone));
                            nearMissPairs.AddRange(PairLogits(model.MatchLogits(missStates, tensors.NegativeLengths!, outputs.PhoneFeatures, outputs.PhoneStepLengths), tensors.NegativeIds, state.IsPhone));
                        }
                    }
                    if (outputs.PhoneLogProbs is not null && host.CtcTargets is not null)
                    {
                        var (errors, total) = GreedyPhoneErrors(outputs.PhoneLogProbs, outputs.PhoneStepLengths, host.CtcTargets, host.CtcTargetLengths!);
                        phoneErrors += errors;
                        phones += total;
                    }
                }
                var p = cat(phonetic, 0);
                var a = cat(acoustic, 0);
                lossSum += new SymmetricContrastiveLoss().Compute(p, a).item<float>();
                matrices.Add(ToMatrix(SymmetricContrastiveLoss.Scores(p, a)));
                if (nearMiss.Count > 0)
                {
                    positives.AddRange(a.mul(p).sum(1).cpu().data<float>().ToArray().Select(v => (double)v));
                    negatives.AddRange(a.mul(cat(nearMiss, 0)).sum(1).cpu().data<float>().ToArray().Select(v => (double)v));
                }
            }
        }
        finally
        {
            model.train();
        }
        var figures = _scorer.Score(matrices);
        return new ValidationReport(step, lossSum / batches.Count, figures, batches.Count, batches[0].Length, Stopwatch.GetElapsedTime(started))
        {
            NearMissAuc = positives.Count > 0 ? PairedAuc(positives, negatives) : double.NaN,
            MatchingNearMissAuc = matchedPairs.Count > 0 ? PairedAuc(matchedPairs, nearMissPairs) : double.NaN,
            PhoneErrorRate = phones > 0 ? (double)phoneErrors / phones : double.NaN,
        };
    }

    /// <summary>Soft minimum (-ln Σ e^-x) of each row's logits over its phone tokens.</summary>
    private static IEnumerable<double> PairLogits(Tensor logits, Tensor ids, bool[]? isPhone)
    {
        var values = logits.cpu().data<float>().ToArray();
        var tokens = ids.cpu().data<long>().ToArray();
        var width = (int)logits.shape[1];
        for (var row = 0; row < logits.shape[0]; row++)
        {
            var phones = Enumerable.Range(0, width)
                .Where(t => tokens[(row * width) + t] is var id && id > 0 && (isPhone is null || (id < isPhone.Length && isPhone[id])))
                .Select(t => (double)values[(row * width) + t])
                .ToArray();
            if (phones.Length == 0)
            {
                continue;
            }

            var min = phones.Min();
            yield return min - Math.Log(phones.Sum(v => Math.Exp(-(v - min))));
        }
    }

    /// <summary>One close-word near miss per validation pair, drawn once per run (the same pairs at every validation).</summary>
    private IReadOnlyList<int[][]> ValidationNearMisses(IReadOnlyList<TrainingUtterance[]> batches, HardNegativeSampler sampler) =>
        batches.Select((batch, b) =>
        {
            var random = new DeterministicRandom(_options.Seed, RandomPurpose.ValidationNegatives, b);
            var kind = sampler.Kinds.Contains(HardNegativeKind.CloseWord) ? HardNegativeKind.CloseWord : sampler.Kinds[0];
            return batch.Select(u => sampler.Draw(u.PhonemeIds, kind, random)).ToArray();
        }).ToArray();

    /// <summary>Share of (matched, near-miss) score pairs, over all of them, where the matched one is higher (ties count half).</summary>
    internal static double PairedAuc(IReadOnlyList<double> positives, IReadOnlyList<double> negatives)
    {
        var sorted = negatives.Order().ToArray();
        double wins = 0;
        foreach (var p in positives)
        {
            var below = LowerBound(sorted, p);
            var upTo = UpperBound(sorted, p);
            wins += below + (0.5 * (upTo - below));
        }
        return wins / ((double)positives.Count * sorted.Length);

        static int LowerBound(double[] a, double v)
        {
            int lo = 0, hi = a.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2; if (a[mid] < v)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }
            return lo;
        }

        static int UpperBound(double[] a, double v)
        {
            int lo = 0, hi = a.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2; if (a[mid] <= v)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /// <summary>Edit distance of the greedy CTC decoding (best class a step, repeats merged, blanks dropped) to the phones, summed.</summary>
    internal static (long Errors, long Phones) GreedyPhoneErrors(Tensor logProbs, Tensor stepLengths, long[] targets, long[] targetLengths)
    {
        var best = logProbs.argmax(-1).cpu().data<long>().ToArray();
        var steps = stepLengths.cpu().data<long>().ToArray();
        var width = (int)logProbs.shape[1];
        long errors = 0, total = 0;
        var offset = 0;
        for (var b = 0; b < steps.Length; b++)
        {
            var decoded = new List<int>();
            long previous = 0;
            for (var t = 0; t < steps[b]; t++)
            {
                var c = best[(b * width) + t];
                if (c != 0 && c != previous)
                {
                    decoded.Add((int)c);
                }

                previous = c;
            }
            var target = targets.AsSpan(offset, (int)targetLengths[b]).ToArray().Select(x => (int)x).ToArray();
            offset += target.Length;
            errors += PhoneEditDistance.Compute(decoded.ToArray(), target);
            total += target.Length;
        }
        return (errors, total);
    }

    private string Save(ScrapsNet model, optim.Optimizer optimizer, long step, DataPosition position, double lastLoss)
    {
        var state = new TrainingCheckpoint
        {
            Step = step,
            Position = position,
            Options = _options,
            InventoryVersion = _data.InventoryVersion,
            LastLoss = lastLoss,
            SavedAt = DateTimeOffset.UtcNow,
        };
        var directory = _store.Save(
            state,
            model.SaveWeights,
            path => ((TorchSharp.Modules.OptimizerHelper)optimizer).save_state_dict(path),
            _options.KeepCheckpoints);
        _observer?.OnCheckpointSaved(step, directory);
        return directory;
    }

    /// <summary>A resumed run must train the same architecture on the same data order and phoneme inventory.</summary>
    private void CheckResumable(TrainingCheckpoint checkpoint)
    {
        var problems = ArchitectureProblems(checkpoint);
        var saved = checkpoint.Options.DataOrderOptions().ToDictionary(o => o.Name, o => o.Value);
        foreach (var (name, value) in _options.DataOrderOptions())
        {
            if (!Equals(saved[name], value))
            {
                problems.Add($"{name} is {value}, the checkpoint used {saved[name]}");
            }
        }

        if (checkpoint.Step > _options.Steps)
        {
            problems.Add($"the checkpoint is at step {checkpoint.Step}, past the requested {_options.Steps} steps");
        }

        if (problems.Count > 0)
        {
            throw new CheckpointFormatException($"Cannot resume from {checkpoint.Directory}: {string.Join("; ", problems)}.");
        }
    }

    /// <summary>What keeps a checkpoint's weights out of this run: another model config or phoneme inventory.</summary>
    private List<string> ArchitectureProblems(TrainingCheckpoint checkpoint)
    {
        var problems = new List<string>();
        if (checkpoint.Options.Config != _options.Config)
        {
            problems.Add($"the model config differs (checkpoint: {checkpoint.Options.Config.ToJson().ReplaceLineEndings(" ")})");
        }

        if (checkpoint.InventoryVersion != _data.InventoryVersion)
        {
            problems.Add($"the phoneme inventory is {_data.InventoryVersion}, the checkpoint used {checkpoint.InventoryVersion}");
        }

        return problems;
    }

    /// <summary>
    /// The phoneme inventory the data's ids come from (the only one this build knows), which the CTC targets and the
    /// near misses need; null when the data uses another one and neither is asked for.
    /// </summary>
    private PhonemeInventory? Inventory()
    {
        var inventory = PhonemeInventory.EnglishUs;
        if (_data.InventoryVersion == inventory.Version)
        {
            return inventory;
        }

        if (_options.Config.CtcHead || _options.HardNegatives > 0 || _options.Lexicon is not null)
        {
            throw new ArgumentException(
                $"The training data uses phoneme inventory '{_data.InventoryVersion}'; the CTC head and near misses need '{inventory.Version}' (which phones are phones).");
        }

        return null;
    }

    /// <summary>The near-miss sampler: for training negatives (K > 0) and for the validation near-miss AUC (given a lexicon).</summary>
    private HardNegativeSampler? NearMissSampler(PhonemeInventory? inventory)
    {
        if (inventory is null || (_options.Lexicon is null && _options.HardNegatives == 0))
        {
            return null;
        }

        NearMissFinder? finder = null;
        if (_options.Lexicon is not null)
        {
            var phonemizer = new Lazy<EspeakPhonemizer>(() => new EspeakPhonemizer(new EspeakOptions { Inventory = inventory }));
            finder = new NearMissFinder(LexiconSource.Open(_options.Lexicon, inventory, () => phonemizer.Value));
        }
        return new HardNegativeSampler(inventory, finder, _options.HardNegativeKinds, _options.Config.MaxPositions);
    }

    /// <summary>Utterances the model can take; phoneme ids outside the vocabulary are an error, over-long clips are skipped.</summary>
    private (IReadOnlyList<TrainingUtterance> Usable, int Skipped) Usable(IReadOnlyList<TrainingUtterance> utterances, string split)
    {
        var config = _options.Config;
        var usable = new List<TrainingUtterance>(utterances.Count);
        foreach (var u in utterances)
        {
            foreach (var id in u.PhonemeIds)
            {
                if (id < 1 || id >= config.VocabSize)
                {
                    throw new ArgumentException(
                        $"Utterance '{u.Id}' ({split}) has phoneme id {id}, outside the model's vocabulary 1..{config.VocabSize - 1}: " +
                        "the feature cache and the model config disagree on the phoneme inventory.");
                }
            }
            if (u.Frames >= 1 && u.Frames <= _options.MaxClipFrames && u.PhonemeIds.Length >= 1
                && u.PhonemeIds.Length <= config.MaxPositions && config.SubsampledLength(u.Frames) <= config.MaxPositions)
            {
                usable.Add(u);
            }
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

    /// <summary>
    /// Loss and speed bookkeeping between reports: the steps' figures (<see cref="StepFigures"/>) are summed on the
    /// device and read back once per report.
    /// </summary>
    private sealed class RunState(TrainingOptions options) : IDisposable
    {
        private readonly Stopwatch _wall = Stopwatch.StartNew();
        private Tensor? _windowSum;
        private Tensor? _lastFigures;
        private int _windowSteps;
        private TimeSpan _windowTime;
        private double _windowAudio;
        private TimeSpan _totalTime;
        private long _totalSteps;
        private double _firstWindow = double.NaN;
        private double _lastWindow = double.NaN;

        /// <summary>Loss of the latest step (read back on demand: at checkpoints).</summary>
        public double LastStepLoss
        {
            get
            {
                if (_lastFigures is null)
                {
                    return double.NaN;
                }

                using var scope = NewDisposeScope();
                return _lastFigures[StepFigures.Total].item<float>();
            }
        }

        /// <summary>Mean loss of the first reported window (the latest step's loss before any report).</summary>
        public double FirstLoss => double.IsNaN(_firstWindow) ? LastStepLoss : _firstWindow;

        /// <summary>Mean loss of the latest reported window (the latest step's loss before any report).</summary>
        public double LastLoss => double.IsNaN(_lastWindow) ? LastStepLoss : _lastWindow;

        public double OverallStepsPerSecond => _totalTime > TimeSpan.Zero ? _totalSteps / _totalTime.TotalSeconds : 0;

        public long StepsThisProcess => _totalSteps;

        public void Add(StepResult result, TimeSpan duration)
        {
            if (_windowSum is null)
            {
                _windowSum = result.Figures.clone();
            }
            else
            {
                _windowSum.add_(result.Figures);
            }

            _lastFigures?.Dispose();
            _lastFigures = result.Figures;
            _windowSteps++;
            _windowAudio += result.AudioSeconds;
            _windowTime += duration;
            _totalTime += duration;
            _totalSteps++;
        }

        public TrainingStepReport Report(long step, long steps, int epoch, double rate, int batchSize)
        {
            float[] sums;
            using (NewDisposeScope())
            {
                sums = _windowSum is null ? new float[StepFigures.Count] : _windowSum.cpu().data<float>().ToArray();
            }
            _windowSum?.Dispose();
            _windowSum = null;
            var n = Math.Max(_windowSteps, 1);
            var mean = _windowSteps > 0 ? sums[StepFigures.Total] / (double)n : double.NaN;
            if (double.IsNaN(_firstWindow))
            {
                _firstWindow = mean;
            }

            _lastWindow = mean;
            var speed = _windowTime > TimeSpan.Zero ? _windowSteps / _windowTime.TotalSeconds : 0;
            var framed = sums[StepFigures.FramePresent];
            var parts = new LossParts(
                sums[StepFigures.Contrastive] / n,
                options.HardNegatives > 0 && options.HardNegativeWeight > 0 ? sums[StepFigures.HardNegative] / n : double.NaN,
                options.CtcWeight > 0 ? sums[StepFigures.Ctc] / n : double.NaN)
            {
                Frame = framed > 0 ? sums[StepFigures.Frame] / framed : double.NaN,
                Matching = options.MatchWeight > 0 ? sums[StepFigures.Matching] / n : double.NaN,
            };
            var gradientNorm = options.GradientClipNorm > 0 ? sums[StepFigures.GradientNorm] / n : double.NaN;
            var audio = _windowTime > TimeSpan.Zero ? _windowAudio / _windowTime.TotalSeconds : 0;
            (_windowSteps, _windowTime, _windowAudio) = (0, TimeSpan.Zero, 0);
            return new TrainingStepReport(step, steps, epoch, mean, rate, gradientNorm, speed, batchSize, _wall.Elapsed) { Parts = parts, AudioSecondsPerSecond = audio };
        }

        public void Dispose()
        {
            _windowSum?.Dispose();
            _lastFigures?.Dispose();
        }
    }
}
