using Scraps.Model.Loss;
using Scraps.Model.Modules;
using Scraps.Model.Runtime;
using static TorchSharp.torch;

namespace Scraps.Model.Training;

/// <summary>
/// What travels from one training step to the next (open_clip's TrainState): the model, its optimiser and
/// parameters, the objective, the batch collator with its augmentations, the learning-rate schedule and the
/// hard-negative sampler. <see cref="Step(HostBatch, long)"/> runs one optimiser step in its own dispose scope; every random draw
/// comes from (seed, step), so a resumed run repeats the steps an uninterrupted one would take.
/// </summary>
internal sealed class TrainState : IDisposable
{
    private readonly TrainingOptions _options;
    private readonly TorchDeviceInfo _device;
    private readonly GradientClipping? _clipping;

    public TrainState(TrainingOptions options, ScrapsNet model, ITrainingData data, TorchDeviceInfo device, bool[]? isPhone, HardNegativeSampler? negatives)
    {
        _options = options;
        _device = device;
        Model = model;
        IsPhone = isPhone;
        Parameters = model.parameters().ToArray();
        Optimizer = optim.Adam(Parameters, options.LearningRate);
        Objective = new ScrapsObjective(options.HardNegatives > 0 ? options.HardNegativeWeight : 0, options.CtcWeight, options.FrameWeight, options.MatchWeight);
        Collator = new BatchCollator(
            data, options.Config.MelBins, device.Device, options.CtcWeight > 0 || model.CtcHead is not null || model.Matching is not null ? isPhone : null,
            options.FrameWeight > 0 ? options.Config.PhoneStride : 0,
            matching: options.MatchWeight > 0 && model.Matching is not null);
        Augment = options.SpecAugment ? new SpecAugment(options, options.Config.MelBins) : null;
        Mixing = options.NoiseAugmentProbability + options.MixAugmentProbability > 0 ? new FeatureMixing(options, options.Config.MelBins) : null;
        Schedule = new LearningRateSchedule(options);
        _clipping = options.GradientClipNorm > 0 ? new GradientClipping(options.GradientClipNorm) : null;
        Negatives = options.HardNegatives > 0 ? negatives ?? throw new ArgumentException("Hard negatives need a sampler.", nameof(negatives)) : null;
        // Validation near misses (near-miss AUC) use the sampler even when training draws none.
        ValidationNegatives = negatives;
    }

    public ScrapsNet Model { get; }

    /// <summary>Per token id: is it a phone? Null when the run has no phone-level parts.</summary>
    public bool[]? IsPhone { get; }

    public TorchSharp.Modules.Parameter[] Parameters { get; }

    public TorchSharp.Modules.Adam Optimizer { get; }

    public ScrapsObjective Objective { get; }

    public BatchCollator Collator { get; }

    public SpecAugment? Augment { get; }

    public FeatureMixing? Mixing { get; }

    public LearningRateSchedule Schedule { get; }

    /// <summary>Draws the training near misses; null when <see cref="TrainingOptions.HardNegatives"/> is 0.</summary>
    public HardNegativeSampler? Negatives { get; }

    /// <summary>Draws the validation near misses; null without a lexicon.</summary>
    public HardNegativeSampler? ValidationNegatives { get; }

    /// <summary>
    /// The host side of step <paramref name="step"/>: padded features with their augmentation, CTC and frame targets, near
    /// misses. Pure host work with the step's own random streams, so the loop prepares the next batch on another thread
    /// while this one trains.
    /// </summary>
    public HostBatch Prepare(TrainingUtterance[] batch, long step)
    {
        var negatives = Negatives is null
            ? null
            : DrawNegatives(batch, new DeterministicRandom(_options.Seed, RandomPurpose.HardNegatives, step));
        return Collator.Prepare(batch, Augment, new DeterministicRandom(_options.Seed, RandomPurpose.Augmentation, step), Mixing, negatives);
    }

    /// <summary>
    /// One optimiser step on a prepared batch. Nothing is read back to the host: the loss, its parts and the gradient
    /// norm come back as one detached tensor (<see cref="StepFigures"/>) that the loop sums and reads only when it logs.
    /// </summary>
    public StepResult Step(HostBatch host, long step)
    {
        using var scope = NewDisposeScope();
        var dropoutSeed = new DeterministicRandom(_options.Seed, RandomPurpose.Dropout, step).NextSeed();
        manual_seed(dropoutSeed);
        if (_device.IsCuda)
        {
            cuda.manual_seed_all(dropoutSeed);
        }

        var tensors = Collator.ToDevice(host);

        Optimizer.zero_grad();
        var (phonetic, phoneStates) = Model.EncodePhonemes(tensors.Ids, tensors.IdLengths);
        var acoustic = Model.EncodeAcoustic(tensors.Features, tensors.FeatureLengths);
        var negatives = tensors.NegativeIds is null ? ((Tensor, Tensor)?)null : Model.EncodePhonemes(tensors.NegativeIds, tensors.NegativeLengths!);
        var matching = tensors.MatchLabels is null ? null : Matching(tensors, phoneStates, acoustic, negatives?.Item2);
        var loss = Objective.Compute(phonetic, acoustic, negatives?.Item1, tensors.CtcTargets, tensors.CtcTargetLengths, tensors.FrameTargets, matching);
        loss.Total.backward();
        var gradientNorm = _clipping?.Clip(Parameters);
        var rate = Schedule.At(step);
        foreach (var group in Optimizer.ParamGroups)
        {
            group.LearningRate = rate;
        }

        Optimizer.step();
        var figures = StepFigures.Of(loss, gradientNorm);
        return new StepResult(figures.MoveToOuterDisposeScope(), rate, host.Count) { AudioSeconds = host.FeatureLengths.Sum() * Scraps.Audio.LogMel.FrameSeconds };
    }

    /// <summary>
    /// The matching head on each clip with its own transcript and with its K near misses (the clip's frames repeated for
    /// each), padded to one width so that one loss sees them all.
    /// </summary>
    private MatchingBatch Matching(DeviceBatch tensors, Tensor phoneStates, AcousticOutputs acoustic, Tensor? nearMissStates)
    {
        var frames = acoustic.PhoneFeatures ?? throw new InvalidOperationException("The model gives no features for the matching head.");
        var frameLengths = acoustic.PhoneStepLengths;
        var own = Model.MatchLogits(phoneStates, tensors.IdLengths, frames, frameLengths);
        var count = own.shape[0];
        if (nearMissStates is null || tensors.NegativeMatchLabels is null)
        {
            return new MatchingBatch(own, tensors.MatchLabels!, ones(count, device: own.device));
        }
        var k = nearMissStates.shape[0] / count;
        var near = Model.MatchLogits(nearMissStates, tensors.NegativeLengths!, frames.repeat_interleave(k, 0), frameLengths.repeat_interleave(k, 0));
        var width = Math.Max(own.shape[1], near.shape[1]);
        Tensor Pad(Tensor t, double value) => t.shape[1] == width ? t : nn.functional.pad(t, [0, width - t.shape[1]], value: value);
        return new MatchingBatch(
            cat([Pad(own, 0), Pad(near, 0)], 0),
            cat([Pad(tensors.MatchLabels!, SupportLabels.Ignore), Pad(tensors.NegativeMatchLabels, SupportLabels.Ignore)], 0),
            cat([ones(count, device: own.device), zeros(near.shape[0], device: own.device)], 0));
    }

    /// <summary>One optimiser step on <paramref name="batch"/> (prepare and step in one call).</summary>
    public StepResult Step(TrainingUtterance[] batch, long step) => Step(Prepare(batch, step), step);

    /// <summary>K near misses of every item, item-major (rows i*K .. i*K+K-1 belong to item i).</summary>
    public int[][] DrawNegatives(IReadOnlyList<TrainingUtterance> batch, DeterministicRandom random)
    {
        var sampler = Negatives ?? throw new InvalidOperationException("This run draws no hard negatives.");
        var rows = new int[batch.Count * _options.HardNegatives][];
        for (var i = 0; i < batch.Count; i++)
        {
            var drawn = sampler.Draw(batch[i].PhonemeIds, _options.HardNegatives, random);
            Array.Copy(drawn, 0, rows, i * _options.HardNegatives, drawn.Length);
        }
        return rows;
    }

    public void Dispose() => Optimizer.Dispose();
}

/// <summary>One step: its figures on the device (<see cref="StepFigures"/>, owned by the receiver), the learning rate and the batch size.</summary>
internal sealed record StepResult(Tensor Figures, double Rate, int BatchSize)
{
    /// <summary>Seconds of audio the batch held (its clips' frames, not the padding).</summary>
    public double AudioSeconds { get; init; }
}
