namespace Scraps.Client.Http;

/// <summary>Per-request flags read by the resilience pipeline.</summary>
internal static class ScrapsRequestOptions
{
    /// <summary>
    /// Set on health probes: their 503 is an answer, not a failure, so it is neither retried nor counted by the
    /// circuit breaker.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> NoRetry = new("Scraps.NoRetry");
}
