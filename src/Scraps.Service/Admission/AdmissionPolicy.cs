using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Scraps.Service.Configuration;
using Scraps.Service.Errors;

namespace Scraps.Service.Admission;

/// <summary>
/// The scoring endpoints' admission (ASP.NET Core rate limiting): one shared concurrency limiter with a bounded,
/// oldest-first queue (<see cref="AdmissionOptions"/>), and in front of it one limiter per client (its API key, else
/// its address) holding at most <see cref="AdmissionOptions.ClientShare"/> of the places and of the queue, so that a
/// client opening many connections cannot take every place. Refused requests get a 429 problem at once, before their
/// body is read, with a Retry-After computed from the backlog and the measured drain rate.
/// </summary>
internal sealed partial class AdmissionPolicy : IRateLimiterPolicy<string>
{
    public const string Name = "scoring";
    private const string Partition = "scoring";

    private readonly MeteredConcurrencyLimiter _limiter;
    private readonly DrainRateMeter _meter;
    private readonly AdmissionOptions _options;
    private readonly AdmissionMetrics _metrics;

    public AdmissionPolicy(IOptions<AdmissionOptions> options, DrainRateMeter meter, AdmissionMetrics metrics, ILogger<AdmissionPolicy> logger)
    {
        _options = options.Value;
        _meter = meter;
        _metrics = metrics;
        _limiter = new MeteredConcurrencyLimiter(
            new ConcurrencyLimiterOptions
            {
                PermitLimit = _options.PermitLimit,
                QueueLimit = _options.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            },
            meter);
        OnRejected = async (context, cancellationToken) =>
        {
            var statistics = _limiter.GetStatistics();
            var inFlight = _options.PermitLimit - (int)(statistics?.CurrentAvailablePermits ?? 0);
            var queued = (int)(statistics?.CurrentQueuedCount ?? 0);
            var retryAfter = RetryAfter(inFlight + queued);
            var share = context.Lease.TryGetMetadata(MetadataName.ReasonPhrase, out var reason) && reason == AdmissionMetrics.ClientShare;
            _metrics.Rejected(share ? AdmissionMetrics.ClientShare : AdmissionMetrics.Capacity);
            LogRejected(logger, context.HttpContext.Request.Path.Value ?? string.Empty, inFlight, queued, retryAfter.TotalSeconds);
            var problem = Problem.TooManyRequests(
                share
                    ? string.Create(CultureInfo.InvariantCulture,
                        $"this client already has its share of the service ({ClientPlaces} requests in progress and {ClientQueue} waiting); retry after {retryAfter.TotalSeconds:0} s")
                    : string.Create(CultureInfo.InvariantCulture,
                        $"the service is at capacity: {inFlight} requests in progress and {queued} waiting; retry after {retryAfter.TotalSeconds:0} s"),
                retryAfter);
            await ProblemWriter.WriteAsync(context.HttpContext, problem, cancellationToken).ConfigureAwait(false);
        };
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; }

    /// <summary>Places one client may hold at once: its share of the permit limit, at least one.</summary>
    private int ClientPlaces => Math.Max(1, (int)Math.Ceiling(_options.ClientShare * _options.PermitLimit));

    /// <summary>Places in one client's queue: its share of the queue.</summary>
    private int ClientQueue => (int)Math.Ceiling(_options.ClientShare * _options.QueueLimit);

    /// <summary>
    /// One partition per client (API key's id, else remote address) whose limiter chains the client's share in front of
    /// the shared limiter; with a share of 1 (the whole service) one shared partition, as before.
    /// </summary>
    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (_options.ClientShare >= 1)
        {
            return RateLimitPartition.Get(Partition, _ => _limiter);
        }

        var client = httpContext.Items[Security.ApiKeyMiddleware.ClientItem] as string
            ?? httpContext.Connection.RemoteIpAddress?.ToString()
            ?? "unknown";
        return RateLimitPartition.Get(client, _ => new ClientShareLimiter(
            new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = ClientPlaces,
                QueueLimit = ClientQueue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }),
            _limiter));
    }

    /// <summary>
    /// How long until the backlog ahead of a new request has drained: backlog / measured rate, whole seconds, at least 1
    /// and at most <see cref="AdmissionOptions.MaxRetryAfter"/>. Before any request has finished, the whole permit limit
    /// is taken to drain each second (a guess: the first burst has nothing measured yet).
    /// </summary>
    internal TimeSpan RetryAfter(int backlog)
    {
        var rate = _meter.RatePerSecond() ?? (double)_options.PermitLimit;
        var seconds = Math.Ceiling(Math.Max(1, backlog) / Math.Max(rate, 1e-3));
        return TimeSpan.FromSeconds(Math.Clamp(seconds, 1, _options.MaxRetryAfter.TotalSeconds));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused {Path} with 429: {InFlight} in progress, {Queued} waiting, Retry-After {Seconds} s")]
    private static partial void LogRejected(ILogger logger, string path, int inFlight, int queued, double seconds);
}
