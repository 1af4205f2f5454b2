using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scraps.Inference.Batching;
using Scraps.Inference.Runtime;
using Scraps.Service.Api.Requests;
using Scraps.Service.Configuration;
using Scraps.Service.Engine;
using Scraps.Service.Errors;
using Scraps.Service.OpenApi;
using Scraps.Service.Telemetry;

namespace Scraps.Service.Hosting;

/// <summary>Registers everything the service runs on; Program.cs only calls these.</summary>
internal static class ServiceSetup
{
    public const string InferenceSection = "Scraps:Inference";

    public static WebApplicationBuilder AddScrapsService(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScrapsOptions();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BatchingMetrics>();
        services.AddSingleton(sp => new BatchWorkerPool(sp.GetRequiredService<IOptions<BatchingOptions>>().Value.Workers));
        services.AddBatchResilience();
        services.AddSingleton<IBatchExecutionGuard, ResilientBatchExecution>();
        services.TryAddSingleton<IModelSource, PackageModelSource>();
        services.AddSingleton<EngineHost>();
        services.AddSingleton<ApiRequestReader>();
        services.AddHostedService<EngineLifetimeService>();

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddScrapsOpenApi();
        services.AddScrapsTelemetry();
        return builder;
    }

    private static void AddScrapsOptions(this IServiceCollection services)
    {
        services.AddOptions<ModelOptions>().BindConfiguration(ModelOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ModelOptions>, ModelOptionsValidator>();
        services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RequestLimitsOptions>, RequestLimitsOptionsValidator>();
        services.AddOptions<ResilienceOptions>().BindConfiguration(ResilienceOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ResilienceOptions>, ResilienceOptionsValidator>();
        services.AddOptions<BatchingOptions>().BindConfiguration(BatchingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BatchingOptions>, BatchingOptionsValidator>();
        services.AddOptions<ScrapsModelOptions>().BindConfiguration(InferenceSection).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScrapsModelOptions>, ScrapsModelOptionsValidator>();

        // Kestrel's own body limit follows ours (plus room for multipart framing), so that our 413 detail is the one sent.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBytes + (64 << 10));
    }
}
