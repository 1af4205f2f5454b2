namespace Scraps.Inference.Runtime;

/// <summary>
/// Picks which of N equal replicas (one session per GPU) takes the next graph run: the one with the fewest runs in
/// flight, ties going round-robin so that an idle pool spreads its first runs. Thread-safe; the count is approximate
/// under races (two callers may pick the same replica), which costs balance, never correctness.
/// </summary>
internal sealed class ReplicaBalancer
{
    private readonly int[] _inFlight;
    private int _next;

    public ReplicaBalancer(int replicas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        _inFlight = new int[replicas];
    }

    /// <summary>Runs in flight on <paramref name="replica"/> now.</summary>
    public int InFlight(int replica) => Volatile.Read(ref _inFlight[replica]);

    /// <summary>Takes the least busy replica; dispose the lease when its run is done.</summary>
    public Lease Acquire()
    {
        var start = (int)((uint)Interlocked.Increment(ref _next) % (uint)_inFlight.Length);
        var best = start;
        for (var k = 1; k < _inFlight.Length; k++)
        {
            var i = (start + k) % _inFlight.Length;
            if (Volatile.Read(ref _inFlight[i]) < Volatile.Read(ref _inFlight[best]))
            {
                best = i;
            }
        }

        Interlocked.Increment(ref _inFlight[best]);
        return new Lease(this, best);
    }

    /// <summary>One run's hold on a replica.</summary>
    public readonly struct Lease(ReplicaBalancer owner, int replica) : IDisposable
    {
        public int Replica { get; } = replica;

        public void Dispose() => Interlocked.Decrement(ref owner._inFlight[Replica]);
    }
}
