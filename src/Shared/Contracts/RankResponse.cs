#if SCRAPS_SERVICE
namespace Scraps.Service.Api.Contracts;
#else
namespace Scraps.Client;
#endif

/// <summary>The candidates, best first.</summary>
sealed partial record RankResponse
{
    /// <summary>Every candidate, sorted by how well the clip supports it (best first).</summary>
    public required IReadOnlyList<RankedCandidate> Candidates { get; init; }

    /// <summary>Length of the clip in seconds.</summary>
    public required double AudioSeconds { get; init; }

    /// <summary>What decoding had to repair in the audio (NaN or infinite samples, a truncated WAV), which was scored anyway; absent when nothing was.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; }

    /// <summary>The model that ranked them, "name@version".</summary>
    public required string Model { get; init; }
}
