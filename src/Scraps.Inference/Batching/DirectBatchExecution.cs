namespace Scraps.Inference.Batching;

/// <summary>Runs a batch as it is, with no timeout or breaker (engine benchmarks, tests).</summary>
public sealed class DirectBatchExecution : IBatchExecutionGuard
{
    public static DirectBatchExecution Instance { get; } = new();

    private DirectBatchExecution()
    {
    }

    public TResult Execute<TResult>(Func<CancellationToken, TResult> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work(CancellationToken.None);
    }
}
