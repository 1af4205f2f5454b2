using Microsoft.ML.OnnxRuntime;

namespace Scraps.Inference.Runtime;

/// <summary>
/// One graph loaded on every target (one session per GPU, or the single CPU session): each run goes to the least busy
/// replica (<see cref="ReplicaBalancer"/>), so batch workers spread over the devices without being tied to one.
/// </summary>
internal sealed class OrtGraphSet : IDisposable
{
    private readonly OrtGraph[] replicas;
    private readonly ReplicaBalancer balancer;

    public OrtGraphSet(IReadOnlyList<OrtGraph> replicas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas.Count, 1);
        this.replicas = [.. replicas];
        balancer = new ReplicaBalancer(replicas.Count);
    }

    public string Path => replicas[0].Path;

    /// <summary>Runs on the least busy replica.</summary>
    public IDisposableReadOnlyCollection<OrtValue> Run(IReadOnlyCollection<OrtValue> inputs, IReadOnlyCollection<string> outputNames)
    {
        using var lease = balancer.Acquire();
        return replicas[lease.Replica].Run(inputs, outputNames);
    }

    public void Dispose()
    {
        foreach (var replica in replicas)
        {
            replica.Dispose();
        }
    }
}
