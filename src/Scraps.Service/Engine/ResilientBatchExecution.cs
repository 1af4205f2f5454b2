using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;
using Scraps.Inference.Batching;
using Scraps.Service.Configuration;

namespace Scraps.Service.Engine;

/// <summary>
/// Runs each batch through the <see cref="BatchResilience.PipelineName"/> pipeline and turns its refusals into
/// <see cref="EngineUnavailableException"/> (HTTP 503 with Retry-After). The timeout is cooperative: the encoder
/// sees the pipeline's token, which is cancelled when the batch runs too long.
/// </summary>
internal sealed class ResilientBatchExecution(ResiliencePipelineProvider<string> pipelines, IOptions<ResilienceOptions> options)
    : IBatchExecutionGuard
{
    private readonly ResiliencePipeline _pipeline = pipelines.GetPipeline(BatchResilience.PipelineName);

    public TResult Execute<TResult>(Func<CancellationToken, TResult> work)
    {
        try
        {
            return _pipeline.Execute(static (run, token) => run(token), work);
        }
        catch (BrokenCircuitException e)
        {
            var retryAfter = e.RetryAfter ?? options.Value.BreakDuration;
            throw new EngineUnavailableException(
                $"the encoder failed repeatedly and is resting; batches are refused for {Math.Ceiling(retryAfter.TotalSeconds):0} s",
                retryAfter,
                e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new EngineUnavailableException(
                $"the batch ran longer than the {options.Value.BatchTimeout.TotalSeconds:0.###} s limit and was abandoned",
                TimeSpan.FromSeconds(1),
                e);
        }
    }
}
