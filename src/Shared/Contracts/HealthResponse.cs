#if SCRAPS_SERVICE
namespace Scraps.Service.Api.Contracts;
#else
namespace Scraps.Client;
#endif

/// <summary>A health probe's answer.</summary>
sealed partial record HealthResponse
{
    /// <summary>"alive" or "ready".</summary>
    public required string Status { get; init; }

    /// <summary>The loaded model ("name@version"), when there is one.</summary>
    public string? Model { get; init; }

    /// <summary>Where the model's graphs run ("cpu" or "cuda"), when a model is loaded.</summary>
    public string? Provider { get; init; }

    /// <summary>Why that provider (e.g. "requested", or the CUDA error behind a fall-back to CPU), when a model is loaded.</summary>
    public string? ProviderReason { get; init; }
}
