using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Scraps.Service.Configuration;

namespace Scraps.Service.Engine;

/// <summary>
/// The one resilience pipeline of the service, around every encoder batch: a circuit breaker (outer) over a
/// timeout (inner), so that timed-out batches count as failures and a failing engine is given a rest instead of
/// the whole queue failing slowly.
/// </summary>
internal static class BatchResilience
{
    public const string PipelineName = "scraps-batch";

    public static IServiceCollection AddBatchResilience(this IServiceCollection services)
    {
        services.AddResiliencePipeline(PipelineName, static (builder, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<ResilienceOptions>>().Value;
            builder
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions
                {
                    Name = "batch-circuit-breaker",
                    FailureRatio = options.FailureRatio,
                    MinimumThroughput = options.MinimumThroughput,
                    SamplingDuration = options.SamplingDuration,
                    BreakDuration = options.BreakDuration,
                })
                .AddTimeout(new Polly.Timeout.TimeoutStrategyOptions
                {
                    Name = "batch-timeout",
                    Timeout = options.BatchTimeout,
                });
        });
        return services;
    }
}
