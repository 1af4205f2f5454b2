#if SCRAPS_SERVICE
namespace Scraps.Service.Api.Contracts;
#else
namespace Scraps.Client;
#endif

/// <summary>A clip's SCRAPS vector.</summary>
sealed partial record AcousticEmbeddingResponse
{
    /// <summary>The acoustic SCRAPS vector (not normalised).</summary>
    public required float[] Embedding { get; init; }

    /// <summary>Length of <see cref="Embedding"/>.</summary>
    public required int Dimension { get; init; }

    /// <summary>Per-step outputs; present only when the request asked for <c>sequence=true</c>.</summary>
    public SequenceOutput? Sequence { get; init; }

    /// <summary>Length of the clip in seconds.</summary>
    public required double AudioSeconds { get; init; }

    /// <summary>What decoding had to repair in the audio (NaN or infinite samples, a truncated WAV), which was scored anyway; absent when nothing was.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; }

    /// <summary>The model, "name@version".</summary>
    public required string Model { get; init; }
}
