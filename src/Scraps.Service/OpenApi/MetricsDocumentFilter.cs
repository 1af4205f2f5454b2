using System.Net.Http;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Scraps.Service.OpenApi;

/// <summary>Documents GET /metrics (served by the OpenTelemetry Prometheus exporter, not an API endpoint).</summary>
internal sealed class MetricsDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var operation = new OpenApiOperation
        {
            OperationId = "Metrics",
            Summary = "Prometheus metrics",
            Description = "Text exposition format: HTTP requests by route and status with their durations, encoder queue depth, batch size, padding ratio, time in queue, inference duration, rejections and cancellations, resilience events, runtime.",
            Tags = new HashSet<OpenApiTagReference> { new("Health", swaggerDoc) },
            Responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse
                {
                    Description = "The current metrics.",
                    Content = new Dictionary<string, IOpenApiMediaType>
                    {
                        ["text/plain"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                    },
                },
            },
        };
        var path = new OpenApiPathItem();
        path.AddOperation(HttpMethod.Get, operation);
        swaggerDoc.Paths.Add("/metrics", path);
    }
}
