namespace Scraps.Inference.Batching;

/// <summary>An encoder queue already holds its capacity of waiting requests; the caller should retry later.</summary>
public sealed class BatchQueueFullException : Exception
{
    public BatchQueueFullException(string encoder, int capacity, TimeSpan retryAfter)
        : base($"the {encoder} queue is full ({capacity} requests waiting); retry in {Math.Ceiling(retryAfter.TotalSeconds):0} s")
    {
        Encoder = encoder;
        Capacity = capacity;
        RetryAfter = retryAfter;
    }

    public string Encoder { get; }

    public int Capacity { get; }

    /// <summary>An estimate of when the queue will have room again (whole seconds, at least one).</summary>
    public TimeSpan RetryAfter { get; }
}
