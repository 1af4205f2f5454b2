using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Scraps.Service.OpenApi;

/// <summary>
/// Declares the bearer API key on every /v1 operation (and its 401 problem), so that Swagger UI's Authorize button and
/// generated clients send it. The scheme is in the document whether or not the server has keys: a client generated once
/// works against both (a service without keys ignores the header).
/// </summary>
internal sealed class ApiKeySecurityFilter : IOperationFilter
{
    public const string SchemeName = "apiKey";

    public static readonly OpenApiSecurityScheme Scheme = new()
    {
        Type = SecuritySchemeType.Http,
        Scheme = "bearer",
        Description = "An API key, sent as 'Authorization: Bearer <key>'. Needed only when the service has keys (Scraps:ApiKeys); never in the URL.",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.RelativePath?.StartsWith("v1/", StringComparison.Ordinal) != true)
        {
            return;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse
        {
            Description = "The service has API keys and the request has no valid one (Authorization: Bearer <key>).",
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
            },
        });
    }
}
