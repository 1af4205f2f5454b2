namespace Scraps.Service.OpenApi;

/// <summary>
/// Endpoint metadata for the OpenAPI document: the operation reads JSON shaped like <see cref="JsonType"/> and,
/// when <see cref="FormType"/> is set, multipart/form-data shaped like it. (Documentation only: the handler reads the
/// body itself, so that a wrong Content-Type gets our 415 with a detail instead of routing's bare one.)
/// </summary>
internal sealed record RequestBodyMetadata(Type JsonType, Type? FormType);
