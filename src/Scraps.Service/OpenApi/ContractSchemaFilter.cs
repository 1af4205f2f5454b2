using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Scraps.Service.OpenApi;

/// <summary>
/// Makes the schemas say what the service does. Request bodies (records marked
/// <see cref="JsonUnmappedMemberHandling.Disallow"/>, which the reader enforces for JSON and multipart alike) keep
/// <c>additionalProperties: false</c>, and their <see cref="RequiredAttribute"/> members are listed as required and
/// not nullable: the records keep them nullable only so that a missing field gets a 400 naming it rather than the
/// serializer's message. Responses allow more properties, because v1 answers may gain fields.
/// </summary>
internal sealed class ContractSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is null || context.Type.IsPrimitive)
        {
            return;
        }

        if (!IsStrictRequest(context.Type))
        {
            if (concrete.AdditionalPropertiesAllowed == false && concrete.AdditionalProperties is null)
            {
                concrete.AdditionalPropertiesAllowed = true;
            }

            return;
        }

        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!property.IsDefined(typeof(RequiredAttribute)) || !concrete.Properties.TryGetValue(name, out var member))
            {
                continue;
            }

            concrete.Required ??= new HashSet<string>(StringComparer.Ordinal);
            concrete.Required.Add(name);
            if (member is OpenApiSchema inline && inline.Type is { } type)
            {
                inline.Type = type & ~JsonSchemaType.Null;
            }
        }
    }

    /// <summary>A request record: unknown members are refused.</summary>
    public static bool IsStrictRequest(Type type) =>
        type.GetCustomAttribute<JsonUnmappedMemberHandlingAttribute>()?.UnmappedMemberHandling == JsonUnmappedMemberHandling.Disallow;
}
