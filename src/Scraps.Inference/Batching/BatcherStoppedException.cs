namespace Scraps.Inference.Batching;

/// <summary>The batcher is shutting down: it finishes what it accepted and takes nothing new.</summary>
public sealed class BatcherStoppedException(string encoder)
    : InvalidOperationException($"the {encoder} queue is shutting down and takes no new requests")
{
    public string Encoder { get; } = encoder;
}
