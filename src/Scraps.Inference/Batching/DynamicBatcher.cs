using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Scraps.Inference.Batching;

/// <summary>
/// The dynamic batcher of one encoder (anchors: Triton's dynamic batcher, text-embeddings-inference's queue).
/// Requests enter one queue; a single consumer takes a free worker from the shared <see cref="BatchWorkerPool"/>,
/// then closes a batch when it holds <see cref="BatcherLimits.MaxBatchSize"/> items, when the padded-length
/// budget is reached, or when the oldest item has waited <see cref="BatcherLimits.MaxDelay"/>; items are
/// length-sorted inside the window. Requests cancelled while queued leave the queue and are never computed;
/// admission fails fast when the queue holds <see cref="BatcherLimits.QueueCapacity"/> items.
/// </summary>
public sealed partial class DynamicBatcher<TInput, TOutput> : IAsyncDisposable
{
    private readonly IBatchEncoder<TInput, TOutput> _encoder;
    private readonly BatcherLimits _limits;
    private readonly BatchWorkerPool _workers;
    private readonly IBatchExecutionGuard _guard;
    private readonly BatchingMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<BatchItem<TInput, TOutput>> _queue =
        Channel.CreateUnbounded<BatchItem<TInput, TOutput>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<BatchItem<TInput, TOutput>> _window = [];
    private readonly HashSet<Task> _running = [];
    private readonly Action<BatchItem<TInput, TOutput>> _onCancelledInQueue;
    private readonly Task _consumer;
    private Task<bool>? _readable;
    private long _arrivals;
    private int _depth;
    private double _recentBatchSeconds = 0.05;

    public DynamicBatcher(
        string name,
        IBatchEncoder<TInput, TOutput> encoder,
        BatcherLimits limits,
        BatchWorkerPool workers,
        IBatchExecutionGuard guard,
        BatchingMetrics metrics,
        TimeProvider timeProvider,
        ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(workers);
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        limits.Validate();

        Name = name;
        _encoder = encoder;
        _limits = limits;
        _workers = workers;
        _guard = guard;
        _metrics = metrics;
        _time = timeProvider;
        _logger = logger;
        _onCancelledInQueue = item =>
        {
            LeaveQueue();
            _metrics.Cancelled(Name);
        };
        _consumer = Task.Run(ConsumeAsync);
    }

    /// <summary>The encoder's name in metrics and messages (<c>acoustic</c>, <c>phonetic</c>).</summary>
    public string Name { get; }

    public BatcherLimits Limits => _limits;

    /// <summary>Requests admitted and not yet taken into a batch.</summary>
    public int QueueDepth => Volatile.Read(ref _depth);

    /// <summary>
    /// Queues <paramref name="input"/> for the next batch and returns its output when the batch has run.
    /// </summary>
    /// <exception cref="BatchQueueFullException">The queue holds its capacity of requests.</exception>
    /// <exception cref="BatcherStoppedException">The batcher is shutting down.</exception>
    /// <exception cref="OperationCanceledException">The caller gave up; a queued request is then never computed.</exception>
    public Task<TOutput> EnqueueAsync(TInput input, Encoders.EncoderOutputs outputs, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TOutput>(cancellationToken);
        }

        var length = _encoder.LengthOf(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1, nameof(input));

        if (Interlocked.Increment(ref _depth) > _limits.QueueCapacity)
        {
            Interlocked.Decrement(ref _depth);
            _metrics.Rejected(Name, BatchingMetrics.QueueFull);
            throw new BatchQueueFullException(Name, _limits.QueueCapacity, EstimateRetryAfter());
        }

        _metrics.Admitted(Name);
        var item = new BatchItem<TInput, TOutput>(
            input, length, outputs, Interlocked.Increment(ref _arrivals), _time.GetTimestamp(), cancellationToken);
        item.WatchCancellation(_onCancelledInQueue);
        if (!_queue.Writer.TryWrite(item))
        {
            if (item.TryTake())
            {
                LeaveQueue();
            }

            item.Detach();
            _metrics.Rejected(Name, BatchingMetrics.Stopping);
            throw new BatcherStoppedException(Name);
        }

        return item.Result;
    }

    /// <summary>
    /// Stops admitting (new requests get <see cref="BatcherStoppedException"/>) and returns when every request
    /// already admitted has its result.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _consumer.WaitAsync(cancellationToken).ConfigureAwait(false);
        Task[] running;
        lock (_running)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private void LeaveQueue()
    {
        Interlocked.Decrement(ref _depth);
        _metrics.LeftQueue(Name);
    }

    private TimeSpan EstimateRetryAfter()
    {
        var batchesAhead = Math.Ceiling((double)_limits.QueueCapacity / _limits.MaxBatchSize / _workers.Workers);
        var seconds = Math.Ceiling(batchesAhead * Volatile.Read(ref _recentBatchSeconds));
        return TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 60));
    }

    private async Task ConsumeAsync()
    {
        try
        {
            while (_window.Count > 0 || await NextReadableAsync().ConfigureAwait(false))
            {
                await _workers.TakeAsync(CancellationToken.None).ConfigureAwait(false);
                var handedOver = false;
                try
                {
                    var batch = await CloseBatchAsync().ConfigureAwait(false);
                    if (batch.Count > 0)
                    {
                        Dispatch(batch);
                        handedOver = true;
                    }
                }
                finally
                {
                    if (!handedOver)
                    {
                        _workers.Return();
                    }
                }
            }
        }
        catch (Exception e)
        {
            // A bug here would leave callers waiting forever: fail them and refuse new ones instead.
            LogConsumerFailed(_logger, e, Name);
            _queue.Writer.TryComplete(e);
            FailWindow(e);
        }
    }

    /// <summary>Fills the window until a batch is full, the oldest item's delay is up, or the queue closes.</summary>
    private async Task<List<BatchItem<TInput, TOutput>>> CloseBatchAsync()
    {
        MoveQueuedIntoWindow();
        if (_window.Count == 0)
        {
            return [];
        }

        var deadline = _window[0].EnqueuedAt + (long)(_limits.MaxDelay.TotalSeconds * _time.TimestampFrequency);
        while (!BatchSelector.IsFull(_window, _limits))
        {
            var left = _time.GetElapsedTime(_time.GetTimestamp(), deadline);
            if (left <= TimeSpan.Zero || !await WaitForMoreAsync(left).ConfigureAwait(false))
            {
                break;
            }

            MoveQueuedIntoWindow();
            if (_window.Count == 0)
            {
                return [];
            }
        }

        var batch = BatchSelector.Take(_window, _limits);
        batch.RemoveAll(item => !item.TryTake());
        foreach (var _ in batch)
        {
            LeaveQueue();
        }

        return batch;
    }

    /// <summary>True when more items can be read before <paramref name="left"/> passes; false on timeout or when the queue closed.</summary>
    private async Task<bool> WaitForMoreAsync(TimeSpan left)
    {
        // One outstanding wait on the queue at a time (single-reader channel): a wait that loses to the timer
        // is kept for the next call.
        _readable ??= _queue.Reader.WaitToReadAsync().AsTask();
        if (!_readable.IsCompleted)
        {
            using var stopTimer = new CancellationTokenSource();
            var timer = Task.Delay(left, _time, stopTimer.Token);
            if (await Task.WhenAny(_readable, timer).ConfigureAwait(false) == timer)
            {
                return false;
            }

            await stopTimer.CancelAsync().ConfigureAwait(false);
        }

        return await NextReadableAsync().ConfigureAwait(false);
    }

    /// <summary>Waits until the queue has items (true) or is closed and empty (false).</summary>
    private async Task<bool> NextReadableAsync()
    {
        _readable ??= _queue.Reader.WaitToReadAsync().AsTask();
        var readable = await _readable.ConfigureAwait(false);
        _readable = null;
        return readable;
    }

    private void MoveQueuedIntoWindow()
    {
        while (_queue.Reader.TryRead(out var item))
        {
            _window.Add(item);
        }

        _window.RemoveAll(static item => !item.IsQueued);
    }

    private void Dispatch(List<BatchItem<TInput, TOutput>> batch)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_running)
        {
            _running.Add(done.Task);
        }

        _workers.Run(() =>
        {
            try
            {
                Run(batch);
            }
            finally
            {
                lock (_running)
                {
                    _running.Remove(done.Task);
                }

                done.SetResult();
            }
        });
    }

    /// <summary>Runs one batch on a worker thread and hands each caller its output (or the batch's error).</summary>
    private void Run(List<BatchItem<TInput, TOutput>> batch)
    {
        // A caller that gave up after its item was taken still must not cost a graph run.
        var live = new List<BatchItem<TInput, TOutput>>(batch.Count);
        foreach (var item in batch)
        {
            if (item.CancellationToken.IsCancellationRequested)
            {
                item.Abandon();
                _metrics.Cancelled(Name);
            }
            else
            {
                live.Add(item);
            }
        }

        if (live.Count == 0)
        {
            return;
        }

        var started = _time.GetTimestamp();
        var inputs = new TInput[live.Count];
        var wanted = Encoders.EncoderOutputs.Embedding;
        long cells = 0;
        var longest = 0;
        for (var i = 0; i < live.Count; i++)
        {
            inputs[i] = live[i].Input;
            wanted |= live[i].Outputs;
            cells += live[i].Length;
            longest = Math.Max(longest, live[i].Length);
            _metrics.WaitedInQueue(Name, _time.GetElapsedTime(live[i].EnqueuedAt, started));
        }

        IReadOnlyList<TOutput> outputs;
        try
        {
            outputs = _guard.Execute(ct => _encoder.EncodeBatch(inputs, wanted, ct));
            if (outputs.Count != live.Count)
            {
                throw new InvalidOperationException(
                    $"the {Name} encoder returned {outputs.Count} outputs for a batch of {live.Count} inputs");
            }
        }
        catch (Exception e)
        {
            LogBatchFailed(_logger, e, Name, live.Count);
            _metrics.BatchFailed(Name, e);
            foreach (var item in live)
            {
                item.Fail(e);
            }

            return;
        }

        var elapsed = _time.GetElapsedTime(started);
        Volatile.Write(ref _recentBatchSeconds, (0.8 * Volatile.Read(ref _recentBatchSeconds)) + (0.2 * elapsed.TotalSeconds));
        _metrics.BatchRan(Name, live.Count, 1 - ((double)cells / ((long)longest * live.Count)), elapsed);
        for (var i = 0; i < live.Count; i++)
        {
            live[i].Complete(outputs[i]);
        }
    }

    private void FailWindow(Exception error)
    {
        MoveQueuedIntoWindow();
        foreach (var item in _window)
        {
            if (item.TryTake())
            {
                LeaveQueue();
                item.Fail(error);
            }
        }

        _window.Clear();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} {Encoder} requests failed")]
    private static partial void LogBatchFailed(ILogger logger, Exception error, string encoder, int count);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The {Encoder} batch consumer failed; the queue no longer takes requests")]
    private static partial void LogConsumerFailed(ILogger logger, Exception error, string encoder);
}
