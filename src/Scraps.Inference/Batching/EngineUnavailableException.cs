namespace Scraps.Inference.Batching;

/// <summary>
/// The encoder cannot run batches for now (a batch timed out, or repeated failures opened the circuit);
/// the caller should retry after <see cref="RetryAfter"/>.
/// </summary>
public sealed class EngineUnavailableException(string message, TimeSpan retryAfter, Exception? inner = null)
    : Exception(message, inner)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
