using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Scraps.Service.Configuration;
using Scraps.Service.Errors;

namespace Scraps.Service.Admission;

/// <summary>
/// The scoring endpoints' admission (ASP.NET Core rate limiting): one shared concurrency limiter with a bounded,
/// oldest-first queue (<see cref="AdmissionOptions"/>). Refused requests get a 429 problem at once, before their body
/// is read, with a Retry-After computed from the backlog and the measured drain rate.
/// </summary>
internal sealed partial class AdmissionPolicy : IRateLimiterPolicy<string>
{
    public const string Name = "scoring";
    private const string Partition = "scoring";

    private readonly MeteredConcurrencyLimiter limiter;
    private readonly DrainRateMeter meter;
    private readonly AdmissionOptions options;

    public AdmissionPolicy(IOptions<AdmissionOptions> options, DrainRateMeter meter, ILogger<AdmissionPolicy> logger)
    {
        this.options = options.Value;
        this.meter = meter;
        limiter = new MeteredConcurrencyLimiter(
            new ConcurrencyLimiterOptions
            {
                PermitLimit = this.options.PermitLimit,
                QueueLimit = this.options.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            },
            meter);
        OnRejected = async (context, cancellationToken) =>
        {
            var statistics = limiter.GetStatistics();
            var inFlight = this.options.PermitLimit - (int)(statistics?.CurrentAvailablePermits ?? 0);
            var queued = (int)(statistics?.CurrentQueuedCount ?? 0);
            var retryAfter = RetryAfter(inFlight + queued);
            LogRejected(logger, context.HttpContext.Request.Path.Value ?? string.Empty, inFlight, queued, retryAfter.TotalSeconds);
            var problem = Problem.TooManyRequests(
                string.Create(CultureInfo.InvariantCulture,
                    $"the service is at capacity: {inFlight} requests in progress and {queued} waiting; retry after {retryAfter.TotalSeconds:0} s"),
                retryAfter);
            await ProblemWriter.WriteAsync(context.HttpContext, problem, cancellationToken).ConfigureAwait(false);
        };
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; }

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => RateLimitPartition.Get(Partition, _ => limiter);

    /// <summary>
    /// How long until the backlog ahead of a new request has drained: backlog / measured rate, whole seconds, at least 1
    /// and at most <see cref="AdmissionOptions.MaxRetryAfter"/>. Before any request has finished, the whole permit limit
    /// is taken to drain each second (a guess: the first burst has nothing measured yet).
    /// </summary>
    internal TimeSpan RetryAfter(int backlog)
    {
        var rate = meter.RatePerSecond() ?? (double)options.PermitLimit;
        var seconds = Math.Ceiling(Math.Max(1, backlog) / Math.Max(rate, 1e-3));
        return TimeSpan.FromSeconds(Math.Clamp(seconds, 1, options.MaxRetryAfter.TotalSeconds));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused {Path} with 429: {InFlight} in progress, {Queued} waiting, Retry-After {Seconds} s")]
    private static partial void LogRejected(ILogger logger, string path, int inFlight, int queued, double seconds);
}
