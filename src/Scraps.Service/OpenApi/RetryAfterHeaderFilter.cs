using System.Globalization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Scraps.Service.OpenApi;

/// <summary>Documents the Retry-After header on the responses named by <see cref="RetryAfterMetadata"/>.</summary>
internal sealed class RetryAfterHeaderFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var metadata in context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RetryAfterMetadata>())
        {
            var key = metadata.StatusCode.ToString(CultureInfo.InvariantCulture);
            if (operation.Responses?.TryGetValue(key, out var response) == true && response is OpenApiResponse concrete)
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before retrying.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                };
            }
        }
    }
}
