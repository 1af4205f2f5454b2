namespace Scraps.Service.Errors;

/// <summary>The service cannot score right now (model loading or failed to load, shutting down): HTTP 503.</summary>
internal sealed class ServiceUnavailableException(string detail, TimeSpan retryAfter) : Exception(detail)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
