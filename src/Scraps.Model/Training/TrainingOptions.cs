namespace Scraps.Model.Training;

/// <summary>
/// How the SCRAPS model is trained (defaults follow the paper where it says: Adam, lr 5e-4, batch 128).
/// Checked by <see cref="Validate"/> before training starts.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>The architecture to train; its <see cref="ScrapsModelConfig.VocabSize"/> must be set.</summary>
    public required ScrapsModelConfig Config { get; init; }

    /// <summary>Total optimiser steps; training stops after this step.</summary>
    public long Steps { get; init; } = 100_000;

    /// <summary>Pairs per batch (the contrastive loss uses the other pairs of the batch as negatives).</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Peak learning rate of Adam.</summary>
    public double LearningRate { get; init; } = 5e-4;

    /// <summary>Linear warm-up from 0 to the peak rate over this many steps.</summary>
    public int WarmupSteps { get; init; } = 1000;

    public LearningRateScheduleKind Schedule { get; init; } = LearningRateScheduleKind.Constant;

    /// <summary>With the cosine schedule, the rate at the last step as a fraction of the peak.</summary>
    public double MinLearningRateRatio { get; init; } = 0.05;

    /// <summary>
    /// Budget of padded acoustic frames per batch (items x longest clip); batches of long clips are smaller.
    /// 0: no budget, every batch has <see cref="BatchSize"/> pairs.
    /// </summary>
    public int MaxFramesPerBatch { get; init; }

    /// <summary>
    /// Clips with more frames are left out of training and validation (and counted in the log): cropping the
    /// audio would pair it with a transcript it no longer contains. 1600 frames = 20 s at 12.5 ms hop.
    /// </summary>
    public int MaxClipFrames { get; init; } = 1600;

    /// <summary>Clip the global gradient norm to this value; 0 turns clipping off.</summary>
    public double GradientClipNorm { get; init; } = 1.0;

    /// <summary>Write a checkpoint every this many steps (and always at the end or on cancellation).</summary>
    public int CheckpointEvery { get; init; } = 1000;

    /// <summary>How many of the newest checkpoints to keep.</summary>
    public int KeepCheckpoints { get; init; } = 3;

    /// <summary>Validate every this many steps (and at the end); 0 turns validation off.</summary>
    public int ValidateEvery { get; init; } = 1000;

    /// <summary>Pairs per validation minibatch (the paper's in-batch evaluation uses 128).</summary>
    public int ValidationBatchSize { get; init; } = 128;

    /// <summary>Number of random validation minibatches (drawn once per run from the seed).</summary>
    public int ValidationBatches { get; init; } = 4;

    /// <summary>Write the training loss and rate to the logs every this many steps.</summary>
    public int LogEvery { get; init; } = 10;

    /// <summary>Seed of weight initialisation, data order, dropout and augmentation.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Time and frequency masking of the standardised features (SpecAugment) while training.</summary>
    public bool SpecAugment { get; init; }

    public int TimeMasks { get; init; } = 2;

    /// <summary>Longest time mask in frames (also at most a fifth of the clip).</summary>
    public int TimeMaskMaxFrames { get; init; } = 20;

    public int FrequencyMasks { get; init; } = 2;

    public int FrequencyMaskMaxBins { get; init; } = 10;

    /// <summary>
    /// Share of training clips mixed with standard Gaussian noise on the standardised features,
    /// M' = (1 - α) M + α N with α uniform in (0, <see cref="AugmentMaxAlpha"/>] (see <see cref="FeatureMixing"/>).
    /// </summary>
    public double NoiseAugmentProbability { get; init; }

    /// <summary>Share of training clips mixed with the standardised features of another clip of the batch (same α).</summary>
    public double MixAugmentProbability { get; init; }

    /// <summary>Largest mixing weight α of the noise and mix augmentations.</summary>
    public double AugmentMaxAlpha { get; init; } = 0.5;

    /// <summary>
    /// K: near-miss phoneme sequences of each pair's own transcript that join its audio -> text row as extra negatives
    /// (<see cref="HardNegativeSampler"/>); 0 turns hard negatives off.
    /// </summary>
    public int HardNegatives { get; init; }

    /// <summary>The kinds of near miss drawn (uniformly, per negative).</summary>
    public HardNegativeKind HardNegativeKinds { get; init; } = HardNegativeKind.All;

    /// <summary>w in L = L_clip + w L_hard + λ L_ctc.</summary>
    public double HardNegativeWeight { get; init; } = 1.0;

    /// <summary>λ in L = L_clip + w L_hard + λ L_ctc; above 0 only for a config with the CTC head.</summary>
    public double CtcWeight { get; init; }

    /// <summary>
    /// μ in L = L_clip + w L_hard + λ L_ctc + μ L_frame: cross-entropy of the CTC head's steps against the phone labels
    /// of clips whose synthesizer gave phone times (<see cref="Loss.FramePhoneLoss"/>); above 0 only with the CTC head.
    /// </summary>
    public double FrameWeight { get; init; }

    /// <summary>
    /// ν in L = ... + ν L_match: the matching head's loss on each clip's transcript and its near misses
    /// (<see cref="Loss.MatchingLoss"/>); above 0 only with a matching head, and it needs hard negatives to learn from.
    /// </summary>
    public double MatchWeight { get; init; }

    /// <summary>
    /// The pronunciation lexicon that close-word and inserted-word negatives come from (a saved lexicon or a CMU-format
    /// word list, see <c>LexiconSource</c>); required when those kinds are drawn, and gives validation its near-miss AUC.
    /// </summary>
    public string? Lexicon { get; init; }

    /// <summary>
    /// A checkpoint folder whose weights start a new run instead of a random initialisation (fine-tuning, or a
    /// curriculum stage on longer clips or a larger corpus); the optimiser state and the step count start afresh.
    /// Its model config and phoneme inventory must be those of this run. Null: random initialisation.
    /// </summary>
    public string? InitialWeights { get; init; }

    /// <summary>True when the drawn kinds need <see cref="Lexicon"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool NeedsLexicon => HardNegatives > 0 && (HardNegativeKinds & (HardNegativeKind.CloseWord | HardNegativeKind.InsertWord)) != 0;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option that is out of range.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Config, nameof(Config));
        try
        {
            Config.Validate();
        }
        catch (InvalidDataException e)
        {
            throw new ArgumentException(e.Message, nameof(Config), e);
        }
        Require(Steps >= 1, nameof(Steps), Steps, "must be at least 1");
        Require(BatchSize >= 2, nameof(BatchSize), BatchSize, "must be at least 2 (a contrastive batch needs negatives)");
        Require(LearningRate > 0 && double.IsFinite(LearningRate), nameof(LearningRate), LearningRate, "must be a positive number");
        Require(WarmupSteps >= 0, nameof(WarmupSteps), WarmupSteps, "must not be negative");
        Require(Enum.IsDefined(Schedule), nameof(Schedule), Schedule, "must be Constant or Cosine");
        Require(MinLearningRateRatio is >= 0 and <= 1, nameof(MinLearningRateRatio), MinLearningRateRatio, "must lie in [0, 1]");
        Require(MaxClipFrames >= 1, nameof(MaxClipFrames), MaxClipFrames, "must be at least 1");
        Require(MaxFramesPerBatch == 0 || MaxFramesPerBatch >= 2 * MaxClipFrames, nameof(MaxFramesPerBatch), MaxFramesPerBatch,
            $"must be 0 (no budget) or at least 2 x MaxClipFrames = {2L * MaxClipFrames}, so that the longest clips still form pairs");
        Require(GradientClipNorm >= 0 && double.IsFinite(GradientClipNorm), nameof(GradientClipNorm), GradientClipNorm, "must be 0 (off) or positive");
        Require(CheckpointEvery >= 1, nameof(CheckpointEvery), CheckpointEvery, "must be at least 1");
        Require(KeepCheckpoints >= 1, nameof(KeepCheckpoints), KeepCheckpoints, "must be at least 1");
        Require(ValidateEvery >= 0, nameof(ValidateEvery), ValidateEvery, "must be 0 (off) or positive");
        Require(ValidationBatchSize >= 2, nameof(ValidationBatchSize), ValidationBatchSize, "must be at least 2");
        Require(ValidationBatches >= 1, nameof(ValidationBatches), ValidationBatches, "must be at least 1");
        Require(LogEvery >= 1, nameof(LogEvery), LogEvery, "must be at least 1");
        Require(TimeMasks >= 0 && TimeMaskMaxFrames >= 0, nameof(TimeMasks), $"{TimeMasks} x {TimeMaskMaxFrames}", "must not be negative");
        Require(NoiseAugmentProbability is >= 0 and <= 1, nameof(NoiseAugmentProbability), NoiseAugmentProbability, "must lie in [0, 1]");
        Require(MixAugmentProbability is >= 0 and <= 1, nameof(MixAugmentProbability), MixAugmentProbability, "must lie in [0, 1]");
        Require(NoiseAugmentProbability + MixAugmentProbability <= 1, nameof(MixAugmentProbability), MixAugmentProbability,
            $"plus NoiseAugmentProbability = {NoiseAugmentProbability} must be at most 1 (a clip is noised or mixed, not both)");
        Require(AugmentMaxAlpha is > 0 and < 1, nameof(AugmentMaxAlpha), AugmentMaxAlpha, "must lie in (0, 1): at α = 1 nothing of the clip is left");
        Require(HardNegatives is >= 0 and <= 64, nameof(HardNegatives), HardNegatives, "must lie in 0..64");
        Require(HardNegatives == 0 || HardNegativeKinds != HardNegativeKind.None, nameof(HardNegativeKinds), HardNegativeKinds, "must name at least one kind");
        Require((HardNegativeKinds & ~HardNegativeKind.All) == 0, nameof(HardNegativeKinds), HardNegativeKinds, "holds an unknown kind");
        Require(HardNegativeWeight >= 0 && double.IsFinite(HardNegativeWeight), nameof(HardNegativeWeight), HardNegativeWeight, "must be 0 or positive");
        Require(CtcWeight >= 0 && double.IsFinite(CtcWeight), nameof(CtcWeight), CtcWeight, "must be 0 or positive");
        Require(CtcWeight == 0 || Config.CtcHead, nameof(CtcWeight), CtcWeight, "needs a model config with \"ctcHead\": true");
        Require(FrameWeight >= 0 && double.IsFinite(FrameWeight), nameof(FrameWeight), FrameWeight, "must be 0 or positive");
        Require(FrameWeight == 0 || Config.CtcHead, nameof(FrameWeight), FrameWeight, "needs a model config with \"ctcHead\": true");
        Require(MatchWeight >= 0 && double.IsFinite(MatchWeight), nameof(MatchWeight), MatchWeight, "must be 0 or positive");
        Require(MatchWeight == 0 || Config.MatchingHead is not null, nameof(MatchWeight), MatchWeight, "needs a model config with a \"matchingHead\"");
        Require(MatchWeight == 0 || HardNegatives > 0, nameof(MatchWeight), MatchWeight, "needs hard negatives (--hard-negatives above 0): the head learns from their changed phones");
        Require(!NeedsLexicon || !string.IsNullOrWhiteSpace(Lexicon), nameof(Lexicon), Lexicon ?? "none",
            "must name a pronunciation lexicon for close-word and inserted-word hard negatives");
        Require(FrequencyMasks >= 0 && FrequencyMaskMaxBins is >= 0 and <= 80, nameof(FrequencyMasks), $"{FrequencyMasks} x {FrequencyMaskMaxBins}",
            "must not be negative, and a mask is at most 80 bins wide");
    }

    /// <summary>The options that fix the data order: a resumed run must keep them to continue the same order.</summary>
    internal IEnumerable<(string Name, object Value)> DataOrderOptions()
    {
        yield return (nameof(Seed), Seed);
        yield return (nameof(BatchSize), BatchSize);
        yield return (nameof(MaxFramesPerBatch), MaxFramesPerBatch);
        yield return (nameof(MaxClipFrames), MaxClipFrames);
    }

    private static void Require(bool ok, string name, object value, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException($"Training option {name} = {value} {rule}.", name);
        }
    }
}
