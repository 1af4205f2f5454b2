namespace Scraps.Service.Api.Contracts;

/// <summary>A health probe's answer.</summary>
internal sealed record HealthResponse
{
    /// <summary>"alive" or "ready".</summary>
    public required string Status { get; init; }

    /// <summary>The loaded model ("name@version"), when there is one.</summary>
    public string? Model { get; init; }
}
