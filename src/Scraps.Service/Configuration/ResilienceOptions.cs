namespace Scraps.Service.Configuration;

/// <summary>
/// The timeout and circuit breaker around each encoder batch (section <c>Scraps:Resilience</c>): a batch that
/// runs longer than <see cref="BatchTimeout"/> fails; when at least <see cref="FailureRatio"/> of the batches in
/// <see cref="SamplingDuration"/> (and at least <see cref="MinimumThroughput"/> of them) fail, batches are refused
/// for <see cref="BreakDuration"/> (HTTP 503 with Retry-After) instead of piling onto a broken engine.
/// </summary>
internal sealed class ResilienceOptions
{
    public const string SectionName = "Scraps:Resilience";

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan BatchTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    [Range(2, 10_000)]
    public int MinimumThroughput { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
