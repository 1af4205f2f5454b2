using System.Net;
using Polly;
using Polly.Timeout;
using Scraps.Client.Http;

namespace Scraps.Client.Resilience;

/// <summary>Which outcomes of one attempt the retry and the circuit breaker act on.</summary>
internal static class ScrapsOutcomes
{
    /// <summary>
    /// Retried: 429 and 503 (unless their Retry-After is longer than <paramref name="maxRetryAfter"/>), transport
    /// errors and attempt timeouts. Health probes are never retried.
    /// </summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeSpan maxRetryAfter)
    {
        if (IsProbe(context))
        {
            return false;
        }

        return outcome switch
        {
            { Exception: HttpRequestException or TimeoutRejectedException } => true,
            { Result: { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable } response } =>
                RetryAfterHeader.Read(response) is not { } wait || wait <= maxRetryAfter,
            _ => false,
        };
    }

    /// <summary>
    /// Counted as failures by the circuit breaker: 5xx answers, transport errors and attempt timeouts. A 429 is
    /// back-pressure from a healthy service and is left to the retry; health probes are not counted.
    /// </summary>
    public static bool IsFailure(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (IsProbe(context))
        {
            return false;
        }

        return outcome switch
        {
            { Exception: HttpRequestException or TimeoutRejectedException } => true,
            { Result: { } response } => (int)response.StatusCode >= 500,
            _ => false,
        };
    }

    private static bool IsProbe(ResilienceContext context) =>
        context.GetRequestMessage() is { } request && request.Options.TryGetValue(ScrapsRequestOptions.NoRetry, out var noRetry) && noRetry;
}
