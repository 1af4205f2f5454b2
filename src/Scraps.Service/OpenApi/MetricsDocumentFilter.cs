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
            Description = "Text exposition format: requests per model operation and outcome with their durations, the front end's time per clip, encoder queue depth, batch size, padding ratio, time in queue, inference duration, rejections, cancellations and failed batches, admission, HTTP requests by route and status, resilience events, runtime. Counters start at 0; durations are in seconds. docs/metrics.md lists every metric.",
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
