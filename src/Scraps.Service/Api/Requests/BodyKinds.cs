namespace Scraps.Service.Api.Requests;

/// <summary>
/// The request bodies an operation reads. The JSON operations (POST /v1/score...) still read multipart as well,
/// as they did before the multipart operations got paths of their own (/v1/score/multipart...), so that existing
/// clients keep working; the OpenAPI document shows each body at one operation only.
/// </summary>
[Flags]
internal enum BodyKinds
{
    /// <summary>application/json (or +json) with base64 audio.</summary>
    Json = 1,

    /// <summary>multipart/form-data with audio file parts.</summary>
    Multipart = 2,

    /// <summary>The JSON operations: JSON, and multipart for clients written before the multipart operations.</summary>
    JsonOrMultipart = Json | Multipart,
}
