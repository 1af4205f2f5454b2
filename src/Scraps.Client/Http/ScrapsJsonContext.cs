using System.Text.Json;

namespace Scraps.Client.Http;

/// <summary>Source-generated JSON for every v1 body: camelCase like the service; nulls are left out of requests.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ScoreRequest))]
[JsonSerializable(typeof(ScoreResponse))]
[JsonSerializable(typeof(RankRequest))]
[JsonSerializable(typeof(RankResponse))]
[JsonSerializable(typeof(ScoreMatrixRequest))]
[JsonSerializable(typeof(ScoreMatrixResponse))]
[JsonSerializable(typeof(AcousticEmbeddingRequest))]
[JsonSerializable(typeof(AcousticEmbeddingResponse))]
[JsonSerializable(typeof(PhoneticEmbeddingRequest))]
[JsonSerializable(typeof(PhoneticEmbeddingResponse))]
[JsonSerializable(typeof(CompareRequest))]
[JsonSerializable(typeof(CompareResponse))]
[JsonSerializable(typeof(ModelResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ScrapsProblem))]
internal sealed partial class ScrapsJsonContext : JsonSerializerContext;
