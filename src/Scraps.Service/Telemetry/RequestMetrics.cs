using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Scraps.Service.Telemetry;

/// <summary>
/// Requests per model operation and outcome, on the meter <c>Scraps.Requests</c>: <c>scraps.requests</c> (a counter)
/// and <c>scraps.request.duration</c> (seconds, from routing to the last byte sent). Every (operation, outcome)
/// counter is created at 0 on start, so that rates and alerts on rejections or errors have a series before the
/// first one happens (Prometheus' rate() of a series that does not exist yet is empty, not 0).
/// </summary>
internal sealed class RequestMetrics
{
    public const string MeterName = "Scraps.Requests";

    /// <summary>Every operation counted (<see cref="ScrapsOperation"/>).</summary>
    public static readonly IReadOnlyList<string> Operations =
    [
        ScrapsOperation.Score, ScrapsOperation.Rank, ScrapsOperation.ScoreMatrix, ScrapsOperation.Compare,
        ScrapsOperation.EmbedAcoustic, ScrapsOperation.EmbedPhonetic,
    ];

    private static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;

    public RequestMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>(
            "scraps.requests", "{request}", "Requests per model operation (JSON and multipart together) by outcome.");
        _duration = meter.CreateHistogram(
            "scraps.request.duration", "s", "Time from routing a request to its last byte, per model operation and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        foreach (var operation in Operations)
        {
            foreach (var outcome in RequestOutcome.All)
            {
                _requests.Add(0, Tags(operation, outcome));
            }
        }
    }

    public void Record(string operation, string outcome, TimeSpan elapsed)
    {
        var tags = Tags(operation, outcome);
        _requests.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }

    private static TagList Tags(string operation, string outcome) => new() { { "operation", operation }, { "outcome", outcome } };
}
