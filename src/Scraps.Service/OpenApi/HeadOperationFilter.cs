using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Scraps.Service.OpenApi;

/// <summary>
/// HEAD operations (the health probes answer GET and HEAD from one endpoint) get their own operation id
/// ("LiveHead"): operation ids must be unique, and generators otherwise emit two methods of one name. Their
/// responses carry no body, so none is documented (a generated client would otherwise try to parse one).
/// </summary>
internal sealed class HeadOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!string.Equals(context.ApiDescription.HttpMethod, HttpMethods.Head, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        operation.OperationId += "Head";
        foreach (var response in (operation.Responses ?? []).Values.OfType<OpenApiResponse>())
        {
            response.Content = null;
        }
    }
}
