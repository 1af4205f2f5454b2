#if SCRAPS_SERVICE
namespace Scraps.Service.Api.Contracts;
#else
namespace Scraps.Client;
#endif

/// <summary>A phoneme sequence's SCRAPS vector.</summary>
sealed partial record PhoneticEmbeddingResponse
{
    /// <summary>The phonetic SCRAPS vector (not normalised).</summary>
    public required float[] Embedding { get; init; }

    /// <summary>Length of <see cref="Embedding"/>.</summary>
    public required int Dimension { get; init; }

    /// <summary>Per-step outputs; present only when the request asked for <c>sequence=true</c>.</summary>
    public SequenceOutput? Sequence { get; init; }

    /// <summary>The phonemes that were embedded, X-SAMPA.</summary>
    public required string Phonemes { get; init; }

    /// <summary>The model, "name@version".</summary>
    public required string Model { get; init; }
}
