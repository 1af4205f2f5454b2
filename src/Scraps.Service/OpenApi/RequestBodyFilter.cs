using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Scraps.Service.OpenApi;

/// <summary>Documents the request body of operations with <see cref="RequestBodyMetadata"/>: JSON and, where taken, multipart/form-data.</summary>
internal sealed class RequestBodyFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RequestBodyMetadata>().FirstOrDefault();
        if (metadata is null)
        {
            return;
        }

        var content = new Dictionary<string, IOpenApiMediaType>
        {
            ["application/json"] = new OpenApiMediaType
            {
                Schema = context.SchemaGenerator.GenerateSchema(metadata.JsonType, context.SchemaRepository),
            },
        };
        if (metadata.FormType is { } form)
        {
            content["multipart/form-data"] = new OpenApiMediaType
            {
                Schema = context.SchemaGenerator.GenerateSchema(form, context.SchemaRepository),
            };
        }

        operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
    }
}
