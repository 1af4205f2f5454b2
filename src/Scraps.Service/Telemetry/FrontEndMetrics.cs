using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Scraps.Service.Telemetry;

/// <summary>
/// The front end's cost per clip (decode, resample, log-mel), on the meter <c>Scraps.FrontEnd</c>: under overload it
/// is the work a request costs before any batch, which admission must refuse before it is spent.
/// </summary>
internal sealed class FrontEndMetrics
{
    public const string MeterName = "Scraps.FrontEnd";

    private static readonly double[] SecondsBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

    private readonly Histogram<double> _duration;

    public FrontEndMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _duration = meterFactory.Create(MeterName).CreateHistogram(
            "scraps.frontend.duration", "s", "Time one clip took to decode, resample and turn into standardised log-mel features.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
    }

    /// <summary>Records one clip's front-end time, tagged with its outcome (ok, or the kind of error).</summary>
    public void Record(TimeSpan elapsed, string outcome) => _duration.Record(elapsed.TotalSeconds, new TagList { { "outcome", outcome } });
}
