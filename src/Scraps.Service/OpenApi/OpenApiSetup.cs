using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Scraps.Service.OpenApi;

/// <summary>Swashbuckle: the v1 document (served at /swagger/v1/swagger.json, committed as openapi/scraps.v1.json) and Swagger UI at /swagger.</summary>
internal static class OpenApiSetup
{
    public const string DocumentPath = "/swagger/v1/swagger.json";

    public static IServiceCollection AddScrapsOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "SCRAPS scoring service",
                Version = "v1",
                Description = "Scores how well speech realises a phoneme sequence with a SCRAPS model (Vallés-Pérez et al., arXiv 2307.12445): "
                    + "pair scores with calibrated match probability, N×M score matrices, text-less clip comparison, and the encoders' vectors. "
                    + "Requests are batched dynamically per encoder. Errors are RFC 7807 problem details.",
            });
            options.IncludeXmlComments(typeof(OpenApiSetup).Assembly);
            options.SupportNonNullableReferenceTypes();
            options.MapType<JsonObject>(() => new OpenApiSchema
            {
                Type = JsonSchemaType.Object | JsonSchemaType.Null,
                AdditionalPropertiesAllowed = true,
                Description = "Free-form JSON object.",
            });
            options.OperationFilter<RequestBodyFilter>();
            options.OperationFilter<HeadOperationFilter>();
            options.SchemaFilter<ContractSchemaFilter>();
            options.OperationFilter<RetryAfterHeaderFilter>();
            options.OperationFilter<ResponseDescriptionFilter>();
            options.AddSecurityDefinition(ApiKeySecurityFilter.SchemeName, ApiKeySecurityFilter.Scheme);
            options.OperationFilter<ApiKeySecurityFilter>();
            options.DocumentFilter<MetricsDocumentFilter>();
        });
        return services;
    }

    public static WebApplication UseScrapsOpenApi(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint(DocumentPath, "SCRAPS v1");
            options.RoutePrefix = "swagger";
            options.DocumentTitle = "SCRAPS scoring service";
        });
        return app;
    }
}
