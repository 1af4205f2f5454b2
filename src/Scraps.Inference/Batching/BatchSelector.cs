namespace Scraps.Inference.Batching;

/// <summary>
/// Picks the next batch from the queued window. The oldest item is always in it (nothing starves); the rest
/// are the items closest to it in length, so that little of the batch is padding, up to the size limit and
/// the padded-length budget (items × longest item). The batch comes back sorted by length.
/// </summary>
internal static class BatchSelector
{
    /// <summary>True when the window already fills a batch by count or by padded length.</summary>
    public static bool IsFull<TInput, TOutput>(List<BatchItem<TInput, TOutput>> window, BatcherLimits limits)
    {
        if (window.Count >= limits.MaxBatchSize)
        {
            return true;
        }

        var longest = 0;
        foreach (var item in window)
        {
            longest = Math.Max(longest, item.Length);
        }

        return (long)longest * window.Count >= limits.MaxPaddedLength;
    }

    /// <summary>
    /// Removes the next batch from <paramref name="window"/> (kept in arrival order, oldest first) and returns
    /// it sorted by length. An empty window gives an empty batch.
    /// </summary>
    public static List<BatchItem<TInput, TOutput>> Take<TInput, TOutput>(List<BatchItem<TInput, TOutput>> window, BatcherLimits limits)
    {
        if (window.Count == 0)
        {
            return [];
        }

        var sorted = new List<BatchItem<TInput, TOutput>>(window);
        sorted.Sort(static (a, b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.Arrival.CompareTo(b.Arrival));

        var seed = window[0];
        var low = sorted.IndexOf(seed);
        var high = low;
        var longest = seed.Length;

        while (high - low + 1 < limits.MaxBatchSize)
        {
            var count = high - low + 2;
            var shorter = low > 0 ? sorted[low - 1] : null;
            var longer = high < sorted.Count - 1 ? sorted[high + 1] : null;
            var shorterFits = shorter is not null && (long)longest * count <= limits.MaxPaddedLength;
            var longerFits = longer is not null && (long)Math.Max(longest, longer.Length) * count <= limits.MaxPaddedLength;

            if (shorterFits && (!longerFits || seed.Length - shorter!.Length <= longer!.Length - seed.Length))
            {
                low--;
            }
            else if (longerFits)
            {
                high++;
                longest = Math.Max(longest, longer!.Length);
            }
            else
            {
                break;
            }
        }

        var batch = sorted.GetRange(low, high - low + 1);
        var chosen = new HashSet<BatchItem<TInput, TOutput>>(batch);
        window.RemoveAll(chosen.Contains);
        return batch;
    }
}
