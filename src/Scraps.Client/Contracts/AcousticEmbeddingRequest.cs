namespace Scraps.Client;

/// <summary>Body of <c>POST /v1/embed/acoustic</c>: one clip to embed.</summary>
public sealed record AcousticEmbeddingRequest
{
    /// <summary>The clip's file bytes; sent base64-encoded.</summary>
    public required byte[] Audio { get; init; }
}
