namespace Scraps.Client;

/// <summary>Body of <c>POST /v1/embed/phonetic</c>: a transcript or X-SAMPA phonemes (exactly one of the two).</summary>
public sealed record PhoneticEmbeddingRequest
{
    /// <summary>The text; phonemised by the service with the model's G2P.</summary>
    public string? Transcript { get; init; }

    /// <summary>X-SAMPA phonemes, space-separated.</summary>
    public string? Phonemes { get; init; }
}
