using System.Text.Json.Serialization;
using Scraps.Service.Api.Requests;

namespace Scraps.Service.Api.Contracts;

/// <summary>One clip to embed.</summary>
internal sealed record AcousticEmbeddingRequest
{
    /// <summary>The clip, base64-encoded.</summary>
    [JsonConverter(typeof(Base64AudioConverter))]
    public byte[]? Audio { get; init; }
}
