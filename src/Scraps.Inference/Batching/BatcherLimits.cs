namespace Scraps.Inference.Batching;

/// <summary>The limits of one encoder queue.</summary>
/// <param name="MaxBatchSize">The most items a batch holds.</param>
/// <param name="MaxPaddedLength">Budget of items × longest item; a single longer item still runs alone.</param>
/// <param name="MaxDelay">How long the oldest queued item may wait for its batch to fill.</param>
/// <param name="QueueCapacity">The most items waiting; the next one is refused.</param>
public sealed record BatcherLimits(int MaxBatchSize, int MaxPaddedLength, TimeSpan MaxDelay, int QueueCapacity)
{
    /// <exception cref="ArgumentOutOfRangeException">A limit is out of range; the message names it.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchSize, 1, nameof(MaxBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPaddedLength, 1, nameof(MaxPaddedLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, TimeSpan.Zero, nameof(MaxDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(QueueCapacity, 1, nameof(QueueCapacity));
    }
}
