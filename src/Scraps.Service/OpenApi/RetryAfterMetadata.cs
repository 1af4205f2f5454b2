namespace Scraps.Service.OpenApi;

/// <summary>Endpoint metadata: responses with <see cref="StatusCode"/> carry a Retry-After header.</summary>
internal sealed record RetryAfterMetadata(int StatusCode);
