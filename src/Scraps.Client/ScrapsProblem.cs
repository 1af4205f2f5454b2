using System.Text.Json;

namespace Scraps.Client;

/// <summary>An RFC 7807 problem details body, as the service sends with every error.</summary>
public sealed record ScrapsProblem
{
    /// <summary>A URI that names the kind of problem.</summary>
    public string? Type { get; init; }

    /// <summary>A short summary of the kind of problem, e.g. "Too many requests".</summary>
    public string? Title { get; init; }

    /// <summary>The HTTP status code.</summary>
    public int? Status { get; init; }

    /// <summary>What went wrong with this request, e.g. which field and why.</summary>
    public string? Detail { get; init; }

    /// <summary>A URI that names this occurrence.</summary>
    public string? Instance { get; init; }

    /// <summary>Other members of the body (e.g. <c>traceId</c>). Settable because System.Text.Json fills extension data after construction.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; set; }
}
