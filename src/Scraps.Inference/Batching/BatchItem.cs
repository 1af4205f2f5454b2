namespace Scraps.Inference.Batching;

/// <summary>One admitted request waiting for (or inside) a batch.</summary>
internal sealed class BatchItem<TInput, TOutput>
{
    private const int Queued = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;

    private readonly TaskCompletionSource<TOutput> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;
    private CancellationTokenRegistration _registration;

    public BatchItem(TInput input, int length, Encoders.EncoderOutputs outputs, long arrival, long enqueuedAt, CancellationToken cancellationToken)
    {
        Input = input;
        Length = length;
        Outputs = outputs;
        Arrival = arrival;
        EnqueuedAt = enqueuedAt;
        CancellationToken = cancellationToken;
    }

    public TInput Input { get; }

    /// <summary>Length on the padded axis.</summary>
    public int Length { get; }

    public Encoders.EncoderOutputs Outputs { get; }

    /// <summary>Admission order (ties in length keep it).</summary>
    public long Arrival { get; }

    /// <summary><see cref="TimeProvider.GetTimestamp"/> at admission.</summary>
    public long EnqueuedAt { get; }

    public CancellationToken CancellationToken { get; }

    public Task<TOutput> Result => _result.Task;

    /// <summary>Still waiting in the queue (not taken into a batch, not cancelled).</summary>
    public bool IsQueued => Volatile.Read(ref _state) == Queued;

    /// <summary>
    /// Watches the caller's token: a cancelled item that is still queued leaves the queue at once
    /// (<paramref name="onLeftQueue"/> runs exactly once) and its task is cancelled; one already inside a batch
    /// only has its task cancelled, and its result is dropped.
    /// </summary>
    public void WatchCancellation(Action<BatchItem<TInput, TOutput>> onLeftQueue)
    {
        if (!CancellationToken.CanBeCanceled)
        {
            return;
        }

        _registration = CancellationToken.UnsafeRegister(
            static (state, token) =>
            {
                var (item, callback) = ((BatchItem<TInput, TOutput>, Action<BatchItem<TInput, TOutput>>))state!;
                if (Interlocked.CompareExchange(ref item._state, Cancelled, Queued) == Queued)
                {
                    callback(item);
                }

                item._result.TrySetCanceled(token);
            },
            (this, onLeftQueue));
    }

    /// <summary>Moves a queued item into a batch; false when it was cancelled first.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

    public void Complete(TOutput output)
    {
        _registration.Dispose();
        _result.TrySetResult(output);
    }

    public void Fail(Exception error)
    {
        _registration.Dispose();
        _result.TrySetException(error);
    }

    /// <summary>Stops watching the caller's token (the item was never queued).</summary>
    public void Detach() => _registration.Dispose();

    /// <summary>Cancels an item that was taken but whose caller gave up before the batch ran.</summary>
    public void Abandon()
    {
        _registration.Dispose();
        _result.TrySetCanceled(CancellationToken);
    }
}
