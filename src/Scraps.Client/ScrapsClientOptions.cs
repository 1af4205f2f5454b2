using System.ComponentModel.DataAnnotations;

namespace Scraps.Client;

/// <summary>
/// Where the service is and how hard to try (<see cref="ScrapsClientServiceCollectionExtensions.AddScrapsClient"/>).
/// Each attempt has its own timeout; 429 and 503 answers, transport errors and attempt timeouts are retried with
/// exponential backoff, or after the server's Retry-After when it sends one; a circuit breaker stops calling a
/// service whose answers keep failing (5xx, transport errors, timeouts) for <see cref="BreakDuration"/>.
/// </summary>
public sealed class ScrapsClientOptions
{
    /// <summary>The service's address, e.g. <c>http://scraps-service:8080/</c> (a path prefix is kept).</summary>
    [Required]
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// The API key of a service that asks for one (Scraps:ApiKeys), sent as <c>Authorization: Bearer KEY</c> on every
    /// call; null for a service without keys. Never logged by the client.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>Timeout of one attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one call, all attempts and waits included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Retries after the first attempt.</summary>
    [Range(1, 100)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Base delay of the exponential backoff (with jitter), used when the answer has no Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest Retry-After the client waits for. A 429 or 503 asking for a longer wait (a model that failed to
    /// load says 60 s) is not retried: its <see cref="ScrapsApiException"/> is thrown at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The share of failed attempts within <see cref="SamplingDuration"/> that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>The fewest attempts within <see cref="SamplingDuration"/> before the circuit may open.</summary>
    [Range(2, 100_000)]
    public int MinimumThroughput { get; set; } = 20;

    /// <summary>The window over which the failure ratio is measured; at least twice <see cref="AttemptTimeout"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open circuit refuses calls (with Polly's <c>BrokenCircuitException</c>) before it tries again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
