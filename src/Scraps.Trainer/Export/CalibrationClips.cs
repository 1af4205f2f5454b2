using Scraps.Data;

namespace Scraps.Trainer.Export;

/// <summary>
/// The held-out clips an export calibrates on: those of one split that the model takes (frames within its
/// positional table and the run's clip limit, 1 to maxPositions phonemes), a seeded random sample of at most
/// the requested number, in random order (so minibatches mix voices and lengths).
/// </summary>
internal static class CalibrationClips
{
    /// <exception cref="ArgumentException">The split has fewer than two usable clips.</exception>
    public static IReadOnlyList<CachedUtterance> Select(FeatureCache cache, string split, int count, ScrapsModelConfig config, int maxClipFrames, int seed)
    {
        var maxFrames = Math.Min((long)config.MaxPositions * config.AcousticSubsampling, maxClipFrames);
        var inSplit = cache.InSplit(split);
        var usable = inSplit
            .Where(u => u.Frames <= maxFrames && u.PhonemeIds.Length >= 1 && u.PhonemeIds.Length <= config.MaxPositions)
            .ToArray();
        if (usable.Length < 2)
        {
            throw new ArgumentException(
                $"the '{split}' split of feature cache {cache.Directory} has {usable.Length} usable clips ({inSplit.Count} in the split, at most {maxFrames} frames and " +
                $"{config.MaxPositions} phonemes each); calibration needs at least 2 (try --calibration-split {(split == DataSplits.Valid ? DataSplits.Test : DataSplits.Valid)})");
        }

        new Random(seed).Shuffle(usable);
        return usable.Take(count).ToArray();
    }
}
