using System.Threading.RateLimiting;

namespace Scraps.Service.Admission;

/// <summary>
/// One client's admission: its own concurrency limiter (its share of the places and of the queue) in front of the
/// service-wide one, both held for the request's life. A client that already holds its share waits in its own queue or
/// is refused, so it cannot take the places other clients would get; a refused lease says why
/// (<see cref="MetadataName.ReasonPhrase"/>: <see cref="AdmissionMetrics.ClientShare"/> or <see cref="AdmissionMetrics.Capacity"/>).
/// </summary>
internal sealed class ClientShareLimiter(ConcurrencyLimiter client, RateLimiter global) : RateLimiter
{
    public override TimeSpan? IdleDuration => client.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => client.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        var mine = client.AttemptAcquire(permitCount);
        if (!mine.IsAcquired)
        {
            return Refused(mine, AdmissionMetrics.ClientShare);
        }

        var shared = global.AttemptAcquire(permitCount);
        return shared.IsAcquired ? new Both(mine, shared) : Refused(shared, AdmissionMetrics.Capacity, mine);
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var mine = await client.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false);
        if (!mine.IsAcquired)
        {
            return Refused(mine, AdmissionMetrics.ClientShare);
        }

        RateLimitLease shared;
        try
        {
            shared = await global.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            mine.Dispose();
            throw;
        }

        return shared.IsAcquired ? new Both(mine, shared) : Refused(shared, AdmissionMetrics.Capacity, mine);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            client.Dispose(); // the global limiter belongs to the policy
        }

        base.Dispose(disposing);
    }

    /// <summary>A refusal that says why (the policy counts it: the middleware tries AttemptAcquire before AcquireAsync, so not every refusal here is final).</summary>
    private static RateLimitLease Refused(RateLimitLease failed, string reason, RateLimitLease? release = null)
    {
        release?.Dispose();
        failed.Dispose();
        return new RefusedLease(reason);
    }

    /// <summary>Both places, released together.</summary>
    private sealed class Both(RateLimitLease mine, RateLimitLease shared) : RateLimitLease
    {
        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                shared.Dispose();
                mine.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class RefusedLease(string reason) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [MetadataName.ReasonPhrase.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.ReasonPhrase.Name ? reason : null;
            return metadata is not null;
        }
    }
}
