using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Scraps.Service.OpenApi;

/// <summary>Says, for each documented status, when the service answers with it; lists the statuses in order.</summary>
internal sealed class ResponseDescriptionFilter : IOperationFilter
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["200"] = "Success.",
        ["400"] = "Malformed request: not JSON or multipart as documented, a required field or part missing, both transcript and phonemes given, invalid base64, or audio bytes that are corrupt or truncated.",
        ["408"] = "The request body arrived too slowly (Kestrel's minimum data rate) and the request was abandoned.",
        ["413"] = "The body is larger than Scraps:Limits:MaxRequestBytes, or a matrix has more clips or columns than allowed.",
        ["415"] = "The Content-Type is not one this operation reads, or the audio is in a format or encoding that is not decoded.",
        ["422"] = "A well-formed request that cannot be scored: empty transcript, unknown phoneme, audio shorter or longer than the limits (see GET /v1/model), too many phonemes.",
        ["429"] = "An encoder queue is full; retry after the Retry-After header's seconds.",
        ["500"] = "Unexpected failure; the trace id in the body finds it in the service log.",
        ["503"] = "Not ready (model loading, failed to load), shutting down, or the engine is resting after repeated batch failures; see the detail and Retry-After.",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Responses is null)
        {
            return;
        }

        var ordered = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToArray();
        operation.Responses.Clear();
        foreach (var (status, response) in ordered)
        {
            if (response is OpenApiResponse concrete && Descriptions.TryGetValue(status, out var description))
            {
                concrete.Description = description;
            }

            operation.Responses.Add(status, response);
        }
    }
}
