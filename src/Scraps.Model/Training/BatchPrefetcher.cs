namespace Scraps.Model.Training;

/// <summary>
/// Collates the next batch on a pool thread while the current one trains: reading, augmenting and padding are host
/// work that would otherwise leave the device idle. Each batch is prepared from its own step's random streams, so
/// prefetching changes no draw.
/// </summary>
internal sealed class BatchPrefetcher : IDisposable
{
    private readonly TrainState _state;
    private readonly LengthBucketSampler _sampler;
    private readonly IReadOnlyList<TrainingUtterance> _train;
    private readonly long _lastStep;
    private Task<PreparedBatch>? _pending;
    private long _pendingStep;

    /// <summary>Starts preparing step <paramref name="firstStep"/> at <paramref name="position"/> (nothing when it is past <paramref name="lastStep"/>).</summary>
    public BatchPrefetcher(TrainState state, LengthBucketSampler sampler, IReadOnlyList<TrainingUtterance> train, DataPosition position, long firstStep, long lastStep)
    {
        _state = state;
        _sampler = sampler;
        _train = train;
        _lastStep = lastStep;
        Start(position, firstStep);
    }

    /// <summary>The batch of the step prepared last, after starting the one that follows it.</summary>
    public PreparedBatch Take()
    {
        var pending = _pending ?? throw new InvalidOperationException($"No batch left: step {_lastStep} was the last.");
        var batch = pending.GetAwaiter().GetResult();
        Start(batch.Next, _pendingStep + 1);
        return batch;
    }

    /// <summary>Waits for the batch in preparation, so that no collation outlives the training state it reads.</summary>
    public void Dispose()
    {
        _pending?.ContinueWith(static _ => { }, TaskScheduler.Default).Wait();
        _pending = null;
    }

    private void Start(DataPosition position, long step)
    {
        _pendingStep = step;
        _pending = step <= _lastStep
            ? Task.Run(() =>
            {
                var (indices, next) = _sampler.Take(position);
                var batch = indices.Select(i => _train[i]).ToArray();
                return new PreparedBatch(_state.Prepare(batch, step), indices.Length, next);
            })
            : null;
    }
}

/// <summary>A collated batch, how many clips it holds and the data position after it.</summary>
internal sealed record PreparedBatch(HostBatch Host, int Count, DataPosition Next);
