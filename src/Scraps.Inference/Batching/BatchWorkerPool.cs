using System.Collections.Concurrent;

namespace Scraps.Inference.Batching;

/// <summary>
/// The workers that run batches, shared by the encoder queues: <see cref="Workers"/> dedicated threads, so that
/// long CPU-bound graph runs never hold thread-pool threads that the HTTP server needs. A queue takes a free
/// worker before it closes a batch, so while all workers are busy requests keep arriving and the next batch
/// grows instead of queueing up as many small ones.
/// </summary>
public sealed class BatchWorkerPool : IDisposable
{
    private readonly SemaphoreSlim _free;
    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread[] _threads;

    public BatchWorkerPool(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        Workers = workers;
        _free = new SemaphoreSlim(workers, workers);
        _threads = new Thread[workers];
        for (var i = 0; i < workers; i++)
        {
            _threads[i] = new Thread(RunWorker) { IsBackground = true, Name = $"scraps-batch-worker-{i}" };
            _threads[i].Start();
        }
    }

    public int Workers { get; }

    /// <summary>Workers running a batch (or held by a queue while its batch fills) right now.</summary>
    public int Busy => Workers - _free.CurrentCount;

    /// <summary>Waits for a free worker and holds it; give it back with <see cref="Return"/> or <see cref="Run"/>.</summary>
    internal Task TakeAsync(CancellationToken cancellationToken) => _free.WaitAsync(cancellationToken);

    internal void Return() => _free.Release();

    /// <summary>Runs <paramref name="work"/> on the worker taken with <see cref="TakeAsync"/>, then frees it.</summary>
    internal void Run(Action work) => _work.Add(() =>
    {
        try
        {
            work();
        }
        finally
        {
            Return();
        }
    });

    /// <summary>Lets the workers finish what they were given, then ends their threads.</summary>
    public void Dispose()
    {
        _work.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(30));
        }

        _work.Dispose();
        _free.Dispose();
    }

    private void RunWorker()
    {
        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
        }
    }
}
