using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace Scraps.Client.Resilience;

/// <summary>
/// The pipeline around every call, outermost first: total timeout, retry (honouring Retry-After), circuit
/// breaker, attempt timeout. The same order as Microsoft's standard resilience handler, without its rate limiter.
/// </summary>
internal static partial class ScrapsResiliencePipeline
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ScrapsClientOptions options, ILogger logger)
    {
        pipeline
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(ScrapsOutcomes.ShouldRetry(args.Outcome, args.Context, options.MaxRetryAfter)),
                OnRetry = args =>
                {
                    LogRetry(
                        logger,
                        args.Context.GetRequestMessage()?.RequestUri?.ToString() ?? "?",
                        args.AttemptNumber + 1,
                        args.RetryDelay,
                        args.Outcome.Exception?.GetType().Name ?? ((int?)args.Outcome.Result?.StatusCode)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?");
                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(ScrapsOutcomes.IsFailure(args.Outcome, args.Context)),
                OnOpened = args =>
                {
                    LogOpened(logger, args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SCRAPS {Request}: retry {Retry} in {Delay} after {Outcome}")]
    private static partial void LogRetry(ILogger logger, string request, int retry, TimeSpan delay, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SCRAPS circuit opened for {BreakDuration}: calls fail fast until then")]
    private static partial void LogOpened(ILogger logger, TimeSpan breakDuration);
}
