using System.Threading.RateLimiting;

namespace Scraps.Service.Admission;

/// <summary>
/// A <see cref="ConcurrencyLimiter"/> whose leases report to a <see cref="DrainRateMeter"/> when they end (a request
/// finished). ASP.NET Core's rate-limiting middleware holds the lease from before the endpoint runs until the response
/// is done, so every place is held across body reading, decoding and scoring.
/// </summary>
internal sealed class MeteredConcurrencyLimiter(ConcurrencyLimiterOptions options, DrainRateMeter meter) : RateLimiter
{
    private readonly ConcurrencyLimiter _inner = new(options);

    public override TimeSpan? IdleDuration => _inner.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => _inner.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Wrap(_inner.AttemptAcquire(permitCount));

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        Wrap(await _inner.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore() => await _inner.DisposeAsync().ConfigureAwait(false);

    private RateLimitLease Wrap(RateLimitLease lease) => lease.IsAcquired ? new MeteredLease(lease, meter) : lease;

    /// <summary>An acquired lease that counts a completion when released.</summary>
    private sealed class MeteredLease(RateLimitLease inner, DrainRateMeter meter) : RateLimitLease
    {
        private int _disposed;

        public override bool IsAcquired => inner.IsAcquired;

        public override IEnumerable<string> MetadataNames => inner.MetadataNames;

        public override bool TryGetMetadata(string metadataName, out object? metadata) => inner.TryGetMetadata(metadataName, out metadata);

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                inner.Dispose();
                meter.Completed();
            }

            base.Dispose(disposing);
        }
    }
}
