namespace Scraps.Client;

/// <summary>Answer of <c>GET /health/live</c> and <c>GET /health/ready</c>.</summary>
public sealed record HealthResponse
{
    /// <summary>"alive" or "ready".</summary>
    public required string Status { get; init; }

    /// <summary>The loaded model ("name@version"), when there is one.</summary>
    public string? Model { get; init; }
}
