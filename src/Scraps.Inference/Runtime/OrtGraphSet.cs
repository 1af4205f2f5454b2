using Microsoft.ML.OnnxRuntime;

namespace Scraps.Inference.Runtime;

/// <summary>
/// One graph loaded on every target (one session per GPU, or the single CPU session): each run goes to the least busy
/// replica (<see cref="ReplicaBalancer"/>), so batch workers spread over the devices without being tied to one.
/// </summary>
internal sealed class OrtGraphSet : IDisposable
{
    private readonly OrtGraph[] _replicas;
    private readonly ReplicaBalancer _balancer;

    public OrtGraphSet(IReadOnlyList<OrtGraph> replicas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas.Count, 1);
        _replicas = [.. replicas];
        _balancer = new ReplicaBalancer(replicas.Count);
    }

    public string Path => _replicas[0].Path;

    /// <summary>Runs on the least busy replica.</summary>
    public IDisposableReadOnlyCollection<OrtValue> Run(IReadOnlyCollection<OrtValue> inputs, IReadOnlyCollection<string> outputNames)
    {
        using var lease = _balancer.Acquire();
        return _replicas[lease.Replica].Run(inputs, outputNames);
    }

    public void Dispose()
    {
        foreach (var replica in _replicas)
        {
            replica.Dispose();
        }
    }
}
