namespace Scraps.Service.Errors;

/// <summary>The service cannot score right now (model loading or failed to load, shutting down): HTTP 503.</summary>
/// <param name="closeConnection">Ask the client to close its connection (shutting down: the next request should go elsewhere).</param>
internal sealed class ServiceUnavailableException(string detail, TimeSpan retryAfter, bool closeConnection = false) : Exception(detail)
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    public bool CloseConnection { get; } = closeConnection;
}
