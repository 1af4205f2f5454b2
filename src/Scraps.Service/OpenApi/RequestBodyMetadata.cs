namespace Scraps.Service.OpenApi;

/// <summary>
/// Endpoint metadata for the OpenAPI document: the operation reads a body of <see cref="ContentType"/> shaped like
/// <see cref="Schema"/>. One content type per operation: generators (NSwag, openapi-typescript) fold two content
/// types of one operation into one method whose multipart call sends an empty JSON object. (Documentation only: the
/// handler reads the body itself, so that a wrong Content-Type gets our 415 with a detail instead of routing's bare one.)
/// </summary>
internal sealed record RequestBodyMetadata(Type Schema, string ContentType);
