using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Scraps.Inference.Batching;
using Scraps.Inference.Encoders;

namespace Scraps.Inference.Tests.Batching;

public sealed class DynamicBatcherTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(10);

    private readonly FakeTimeProvider _time = new();
    private readonly TestMeterFactory _meters = new();
    private readonly List<BatchWorkerPool> _pools = [];

    public void Dispose()
    {
        foreach (var pool in _pools)
        {
            pool.Dispose();
        }

        _meters.Dispose();
    }

    [Fact]
    public async Task Batch_closes_at_max_batch_size_without_waiting_for_the_delay()
    {
        var encoder = new FakeEncoder();
        await using var batcher = Create(encoder, Limits(maxBatchSize: 3, delay: TimeSpan.FromHours(1)));

        var results = await Task.WhenAll(Clips("a", "b", "c").Select(c => batcher.EnqueueAsync(c, EncoderOutputs.Embedding, default))).WaitAsync(Wait);

        Assert.Equal(["a", "b", "c"], results);
        var batch = Assert.Single(encoder.Batches);
        Assert.Equal(3, batch.Length);
    }

    [Fact]
    public async Task Batch_closes_after_max_delay_when_not_full()
    {
        var encoder = new FakeEncoder();
        await using var batcher = Create(encoder, Limits(maxBatchSize: 8, delay: Delay));

        var first = batcher.EnqueueAsync(new FakeClip("a", 10), EncoderOutputs.Embedding, default);
        var second = batcher.EnqueueAsync(new FakeClip("b", 10), EncoderOutputs.Embedding, default);
        await Task.Delay(50);
        Assert.Empty(encoder.Batches);

        _time.Advance(Delay);

        Assert.Equal("a", await first.WaitAsync(Wait));
        Assert.Equal("b", await second.WaitAsync(Wait));
        Assert.Equal(2, Assert.Single(encoder.Batches).Length);
    }

    [Fact]
    public async Task Batch_closes_at_the_padded_length_budget()
    {
        var encoder = new FakeEncoder();
        await using var batcher = Create(encoder, Limits(maxBatchSize: 16, paddedBudget: 100, delay: TimeSpan.FromHours(1)));

        var tasks = new[] { new FakeClip("a", 40), new FakeClip("b", 40), new FakeClip("c", 40) }
            .Select(c => batcher.EnqueueAsync(c, EncoderOutputs.Embedding, default)).ToArray();

        await encoder.WaitEnteredAsync();
        Assert.Equal(["a", "b"], encoder.Batches.Single().Select(c => c.Id));
        Assert.False(tasks[2].IsCompleted);

        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal("c", await tasks[2].WaitAsync(Wait));
        Assert.Equal(2, encoder.Batches.Count);
    }

    [Fact]
    public async Task Items_waiting_for_a_worker_are_batched_by_similar_length_and_sorted()
    {
        var encoder = new FakeEncoder { HoldBatches = true };
        await using var batcher = Create(encoder, Limits(maxBatchSize: 2, delay: TimeSpan.Zero), workers: 1);

        var blocker = batcher.EnqueueAsync(new FakeClip("blocker", 1), EncoderOutputs.Embedding, default);
        await encoder.WaitEnteredAsync();
        var queued = new[] { new FakeClip("s5", 5), new FakeClip("l50", 50), new FakeClip("s6", 6), new FakeClip("l49", 49) }
            .Select(c => batcher.EnqueueAsync(c, EncoderOutputs.Embedding, default)).ToArray();
        encoder.Release(3);

        await Task.WhenAll(queued.Append(blocker)).WaitAsync(Wait);
        var batches = encoder.Batches.Skip(1).Select(b => string.Join(",", b.Select(c => c.Id))).ToArray();
        Assert.Equal(["s5,s6", "l49,l50"], batches);
    }

    [Fact]
    public async Task A_request_cancelled_while_queued_is_never_computed()
    {
        var encoder = new FakeEncoder();
        await using var batcher = Create(encoder, Limits(maxBatchSize: 8, delay: Delay));
        using var cancel = new CancellationTokenSource();

        var kept = batcher.EnqueueAsync(new FakeClip("kept", 10), EncoderOutputs.Embedding, default);
        var dropped = batcher.EnqueueAsync(new FakeClip("dropped", 10), EncoderOutputs.Embedding, cancel.Token);
        var last = batcher.EnqueueAsync(new FakeClip("last", 10), EncoderOutputs.Embedding, default);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dropped.WaitAsync(Wait));
        Assert.Equal(2, batcher.QueueDepth);
        _time.Advance(Delay);
        await Task.WhenAll(kept, last).WaitAsync(Wait);

        Assert.Equal(["kept", "last"], encoder.EncodedIds.Order());
    }

    [Fact]
    public async Task A_request_cancelled_after_its_batch_closed_but_before_it_ran_is_not_computed()
    {
        var encoder = new FakeEncoder { HoldBatches = true };
        var pool = Pool(1);
        await using var batcher = Create(encoder, Limits(maxBatchSize: 1, delay: TimeSpan.Zero), pool: pool);
        using var cancel = new CancellationTokenSource();

        var blocker = batcher.EnqueueAsync(new FakeClip("blocker", 1), EncoderOutputs.Embedding, default);
        await encoder.WaitEnteredAsync();
        var victim = batcher.EnqueueAsync(new FakeClip("victim", 1), EncoderOutputs.Embedding, cancel.Token);
        await cancel.CancelAsync();
        encoder.Release();
        await blocker.WaitAsync(Wait);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => victim.WaitAsync(Wait));

        var after = batcher.EnqueueAsync(new FakeClip("after", 1), EncoderOutputs.Embedding, default);
        encoder.Release();
        Assert.Equal("after", await after.WaitAsync(Wait));
        Assert.DoesNotContain("victim", encoder.EncodedIds);
    }

    [Fact]
    public async Task Admission_fails_fast_when_the_queue_is_full_and_reopens_when_it_drains()
    {
        var encoder = new FakeEncoder { HoldBatches = true };
        await using var batcher = Create(encoder, Limits(maxBatchSize: 1, delay: TimeSpan.Zero, capacity: 2), workers: 1);

        var running = batcher.EnqueueAsync(new FakeClip("running", 1), EncoderOutputs.Embedding, default);
        await encoder.WaitEnteredAsync();
        var waiting = new[] { batcher.EnqueueAsync(new FakeClip("q1", 1), EncoderOutputs.Embedding, default), batcher.EnqueueAsync(new FakeClip("q2", 1), EncoderOutputs.Embedding, default) };

        var full = Assert.Throws<BatchQueueFullException>(() => { _ = batcher.EnqueueAsync(new FakeClip("over", 1), EncoderOutputs.Embedding, default); });
        Assert.Equal(2, full.Capacity);
        Assert.True(full.RetryAfter >= TimeSpan.FromSeconds(1));
        Assert.Contains("acoustic queue is full", full.Message, StringComparison.Ordinal);

        encoder.Release(3);
        await Task.WhenAll(waiting.Append(running)).WaitAsync(Wait);
        encoder.Release();
        Assert.Equal("again", await batcher.EnqueueAsync(new FakeClip("again", 1), EncoderOutputs.Embedding, default).WaitAsync(Wait));
        Assert.DoesNotContain("over", encoder.EncodedIds);
    }

    [Fact]
    public async Task Stop_finishes_accepted_requests_and_refuses_new_ones()
    {
        var encoder = new FakeEncoder();
        var batcher = Create(encoder, Limits(maxBatchSize: 8, delay: TimeSpan.FromHours(1)));

        var accepted = Clips("a", "b").Select(c => batcher.EnqueueAsync(c, EncoderOutputs.Embedding, default)).ToArray();
        await batcher.StopAsync(CancellationToken.None).WaitAsync(Wait);

        Assert.All(accepted, t => Assert.True(t.IsCompletedSuccessfully));
        var refused = Assert.Throws<BatcherStoppedException>(() => { _ = batcher.EnqueueAsync(new FakeClip("late", 1), EncoderOutputs.Embedding, default); });
        Assert.Equal("acoustic", refused.Encoder);
        Assert.Equal(["a", "b"], encoder.EncodedIds.Order());
    }

    [Fact]
    public async Task A_failing_batch_fails_its_requests_and_the_queue_keeps_working()
    {
        var encoder = new FakeEncoder { FailWith = new InvalidOperationException("graph exploded") };
        await using var batcher = Create(encoder, Limits(maxBatchSize: 2, delay: TimeSpan.Zero));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => batcher.EnqueueAsync(new FakeClip("a", 1), EncoderOutputs.Embedding, default).WaitAsync(Wait));
        Assert.Equal("graph exploded", error.Message);

        encoder.FailWith = null;
        Assert.Equal("b", await batcher.EnqueueAsync(new FakeClip("b", 1), EncoderOutputs.Embedding, default).WaitAsync(Wait));
    }

    [Fact]
    public async Task The_guard_runs_every_batch_and_its_refusal_reaches_the_caller()
    {
        var encoder = new FakeEncoder();
        var guard = new RefusingGuard();
        await using var batcher = Create(encoder, Limits(maxBatchSize: 1, delay: TimeSpan.Zero), guard: guard);

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => batcher.EnqueueAsync(new FakeClip("a", 1), EncoderOutputs.Embedding, default).WaitAsync(Wait));

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Equal(1, guard.Calls);
        Assert.Empty(encoder.Batches);
    }

    [Fact]
    public async Task Workers_run_batches_in_parallel_up_to_the_pool_size()
    {
        var encoder = new FakeEncoder { HoldBatches = true };
        var pool = Pool(2);
        await using var batcher = Create(encoder, Limits(maxBatchSize: 1, delay: TimeSpan.Zero), pool: pool);

        var tasks = Clips("a", "b", "c").Select(c => batcher.EnqueueAsync(c, EncoderOutputs.Embedding, default)).ToArray();
        await encoder.WaitEnteredAsync(2);

        Assert.Equal(2, pool.Busy);
        Assert.Equal(2, encoder.Batches.Count);
        encoder.Release(3);
        await Task.WhenAll(tasks).WaitAsync(Wait);
        Assert.Equal(3, encoder.Batches.Count);
    }

    [Fact]
    public async Task Sequences_are_computed_for_the_whole_batch_when_any_request_asks()
    {
        var encoder = new FakeEncoder();
        await using var batcher = Create(encoder, Limits(maxBatchSize: 2, delay: TimeSpan.FromHours(1)));

        var plain = batcher.EnqueueAsync(new FakeClip("plain", 1), EncoderOutputs.Embedding, default);
        var withSequence = batcher.EnqueueAsync(new FakeClip("seq", 1), EncoderOutputs.Sequence, default);

        Assert.Equal("plain+seq", await plain.WaitAsync(Wait));
        Assert.Equal("seq+seq", await withSequence.WaitAsync(Wait));
    }

    [Fact]
    public async Task Failed_batches_are_counted_by_reason_on_counters_that_start_at_zero()
    {
        var failures = new List<(long Value, string? Reason)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == _meters && instrument.Name == "scraps.batching.batch.failures")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, v, tags, _) =>
        {
            var reason = tags.ToArray().FirstOrDefault(t => t.Key == "reason").Value as string;
            lock (failures)
            {
                failures.Add((v, reason));
            }
        });
        listener.Start();
        await using var failing = Create(new FakeEncoder { FailWith = new InvalidOperationException("graph exploded") }, Limits(maxBatchSize: 1, delay: TimeSpan.Zero));
        await using var refused = Create(new FakeEncoder(), Limits(maxBatchSize: 1, delay: TimeSpan.Zero), guard: new RefusingGuard());

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.EnqueueAsync(new FakeClip("a", 1), EncoderOutputs.Embedding, default).WaitAsync(Wait));
        await Assert.ThrowsAsync<EngineUnavailableException>(() => refused.EnqueueAsync(new FakeClip("b", 1), EncoderOutputs.Embedding, default).WaitAsync(Wait));

        lock (failures)
        {
            Assert.Contains((0L, "error"), failures);
            Assert.Contains((0L, "unavailable"), failures);
            Assert.Equal([(1L, "error"), (1L, "unavailable")], failures.Where(f => f.Value > 0).Order());
        }
    }

    [Fact]
    public async Task Batch_size_padding_and_queue_time_are_recorded()
    {
        var recorded = new List<(string Name, double Value)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == _meters)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((i, v, _, _) => { lock (recorded) { recorded.Add((i.Name, v)); } });
        listener.SetMeasurementEventCallback<double>((i, v, _, _) => { lock (recorded) { recorded.Add((i.Name, v)); } });
        listener.SetMeasurementEventCallback<long>((i, v, _, _) => { lock (recorded) { recorded.Add((i.Name, v)); } });
        listener.Start();
        var encoder = new FakeEncoder();
        await using var batcher = Create(encoder, Limits(maxBatchSize: 2, delay: TimeSpan.FromHours(1)));

        await Task.WhenAll(batcher.EnqueueAsync(new FakeClip("a", 10), EncoderOutputs.Embedding, default), batcher.EnqueueAsync(new FakeClip("b", 30), EncoderOutputs.Embedding, default)).WaitAsync(Wait);

        lock (recorded)
        {
            Assert.Contains(("scraps.batching.batch.size", 2.0), recorded);
            Assert.Contains(("scraps.batching.batch.padding_ratio", 1 - (40.0 / 60.0)), recorded);
            Assert.Equal(2, recorded.Count(r => r.Name == "scraps.batching.queue.duration"));
            Assert.Equal(0, recorded.Where(r => r.Name == "scraps.batching.queue.depth").Sum(r => r.Value));
        }
    }

    [Fact]
    public void An_empty_input_is_refused_before_it_is_queued()
    {
        var encoder = new FakeEncoder();
        var batcher = Create(encoder, Limits(maxBatchSize: 2, delay: TimeSpan.Zero));

        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = batcher.EnqueueAsync(new FakeClip("empty", 0), EncoderOutputs.Embedding, default); });
        Assert.Equal(0, batcher.QueueDepth);
    }

    private static BatcherLimits Limits(int maxBatchSize, TimeSpan delay, int paddedBudget = 1_000_000, int capacity = 100) =>
        new(maxBatchSize, paddedBudget, delay, capacity);

    private static IEnumerable<FakeClip> Clips(params string[] ids) => ids.Select(id => new FakeClip(id, 10));

    private DynamicBatcher<FakeClip, string> Create(
        FakeEncoder encoder, BatcherLimits limits, int workers = 2, BatchWorkerPool? pool = null, IBatchExecutionGuard? guard = null) =>
        new("acoustic", encoder, limits, pool ?? Pool(workers), guard ?? DirectBatchExecution.Instance,
            new BatchingMetrics(_meters), _time, NullLogger.Instance);

    private BatchWorkerPool Pool(int workers)
    {
        var pool = new BatchWorkerPool(workers);
        _pools.Add(pool);
        return pool;
    }

    private sealed class RefusingGuard : IBatchExecutionGuard
    {
        public int Calls { get; private set; }

        public TResult Execute<TResult>(Func<CancellationToken, TResult> work)
        {
            Calls++;
            throw new EngineUnavailableException("circuit open", TimeSpan.FromSeconds(7));
        }
    }
}
