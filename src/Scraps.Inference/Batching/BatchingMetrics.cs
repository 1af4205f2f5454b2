using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Scraps.Inference.Batching;

/// <summary>
/// The batcher's instruments, on the meter <c>Scraps.Batching</c> (created through <see cref="IMeterFactory"/>),
/// each tagged with the encoder (<c>acoustic</c>, <c>phonetic</c>). The counters start at 0 for every encoder and
/// reason, so that rate() and alerts see a series before the first rejection, cancellation or failure.
/// </summary>
public sealed class BatchingMetrics
{
    public const string MeterName = "Scraps.Batching";

    private static readonly double[] SecondsBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly int[] SizeBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256];
    private static readonly double[] RatioBuckets = [0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

    private readonly UpDownCounter<long> _queueDepth;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _padding;
    private readonly Histogram<double> _queueTime;
    private readonly Histogram<double> _inferenceTime;
    private readonly Counter<long> _rejections;
    private readonly Counter<long> _cancellations;
    private readonly Counter<long> _failures;

    /// <summary>The encoders of a SCRAPS model, each with its own batcher.</summary>
    public static readonly IReadOnlyList<string> Encoders = ["acoustic", "phonetic"];

    /// <summary>Why admission refused a request: its queue was full, or the batcher was stopping.</summary>
    public static readonly IReadOnlyList<string> RejectionReasons = [QueueFull, Stopping];

    /// <summary>Why a batch failed: the engine refused or abandoned it (circuit open, batch timeout), or the encoder threw.</summary>
    public static readonly IReadOnlyList<string> FailureReasons = [Unavailable, Error];

    internal const string QueueFull = "queue_full";
    internal const string Stopping = "stopping";
    internal const string Unavailable = "unavailable";
    internal const string Error = "error";

    public BatchingMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _queueDepth = meter.CreateUpDownCounter<long>(
            "scraps.batching.queue.depth", "{request}", "Requests waiting in an encoder queue.");
        _batchSize = meter.CreateHistogram(
            "scraps.batching.batch.size", "{request}", "Requests in one encoder batch.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = SizeBuckets });
        _padding = meter.CreateHistogram(
            "scraps.batching.batch.padding_ratio", "1", "Share of a batch's padded cells that are padding.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = RatioBuckets });
        _queueTime = meter.CreateHistogram(
            "scraps.batching.queue.duration", "s", "Time a request waited in the queue before its batch ran.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _inferenceTime = meter.CreateHistogram(
            "scraps.batching.inference.duration", "s", "Time one encoder batch took to run.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _rejections = meter.CreateCounter<long>(
            "scraps.batching.rejections", "{request}", "Requests refused at admission (queue full or shutting down).");
        _cancellations = meter.CreateCounter<long>(
            "scraps.batching.cancellations", "{request}", "Requests whose caller gave up before their batch ran; never computed.");
        _failures = meter.CreateCounter<long>(
            "scraps.batching.batch.failures", "{batch}", "Encoder batches that failed; their requests got 503 (unavailable) or 500 (error).");
        foreach (var encoder in Encoders)
        {
            _cancellations.Add(0, Encoder(encoder));
            foreach (var reason in RejectionReasons)
            {
                _rejections.Add(0, new TagList { { "encoder", encoder }, { "reason", reason } });
            }

            foreach (var reason in FailureReasons)
            {
                _failures.Add(0, new TagList { { "encoder", encoder }, { "reason", reason } });
            }
        }
    }

    internal void Admitted(string encoder) => _queueDepth.Add(1, Encoder(encoder));

    internal void LeftQueue(string encoder) => _queueDepth.Add(-1, Encoder(encoder));

    internal void Rejected(string encoder, string reason) =>
        _rejections.Add(1, new TagList { { "encoder", encoder }, { "reason", reason } });

    internal void Cancelled(string encoder) => _cancellations.Add(1, Encoder(encoder));

    internal void BatchFailed(string encoder, Exception error) =>
        _failures.Add(1, new TagList { { "encoder", encoder }, { "reason", error is EngineUnavailableException ? Unavailable : Error } });

    internal void WaitedInQueue(string encoder, TimeSpan waited) => _queueTime.Record(waited.TotalSeconds, Encoder(encoder));

    internal void BatchRan(string encoder, int size, double paddingRatio, TimeSpan duration)
    {
        var tags = Encoder(encoder);
        _batchSize.Record(size, tags);
        _padding.Record(paddingRatio, tags);
        _inferenceTime.Record(duration.TotalSeconds, tags);
    }

    private static KeyValuePair<string, object?> Encoder(string encoder) => new("encoder", encoder);
}
