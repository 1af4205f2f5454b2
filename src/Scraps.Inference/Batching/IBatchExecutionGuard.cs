namespace Scraps.Inference.Batching;

/// <summary>
/// Wraps the run of one batch (on a worker thread), e.g. with a timeout and a circuit breaker, so that a
/// failing encoder does not take the queue down. Failures it decides on itself should be
/// <see cref="EngineUnavailableException"/>. The token it passes to <c>work</c> is cancelled when it gives up.
/// </summary>
public interface IBatchExecutionGuard
{
    TResult Execute<TResult>(Func<CancellationToken, TResult> work);
}
