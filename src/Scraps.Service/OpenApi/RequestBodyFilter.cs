using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Scraps.Service.OpenApi;

/// <summary>Documents the request body of operations with <see cref="RequestBodyMetadata"/>: one content type each.</summary>
internal sealed class RequestBodyFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RequestBodyMetadata>().FirstOrDefault();
        if (metadata is null)
        {
            return;
        }

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                [metadata.ContentType] = new OpenApiMediaType
                {
                    Schema = context.SchemaGenerator.GenerateSchema(metadata.Schema, context.SchemaRepository),
                },
            },
        };
    }
}
