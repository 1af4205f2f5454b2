using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scraps.Inference.Batching;
using Scraps.Inference.Runtime;
using Scraps.Service.Admission;
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
        AddSettingsBesideTheApplication(builder);
        var services = builder.Services;
        services.AddScrapsOptions();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BatchingMetrics>();
        services.AddSingleton<FrontEndMetrics>();
        services.AddBatchResilience();
        services.AddSingleton<IBatchExecutionGuard, ResilientBatchExecution>();
        services.TryAddSingleton<IModelSource, PackageModelSource>();
        services.AddSingleton<EngineHost>();
        services.AddSingleton<DrainRateMeter>();
        services.AddSingleton<AdmissionMetrics>();
        services.AddSingleton<Security.ApiKeyStore>();
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, AdmissionPolicy>(AdmissionPolicy.Name));
        // Parameter binding failures (?sequence=maybe) reach the exception handler as BadHttpRequestException: a problem with the detail.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddSingleton<ApiRequestReader>();
        services.AddHostedService<EngineLifetimeService>();

        // Answers are JSON for programs, not HTML: "don't" and 'audio' stay as written instead of \u0027 escapes.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddScrapsOpenApi();
        services.AddScrapsTelemetry();
        return builder;
    }

    /// <summary>
    /// appsettings.json (and appsettings.{Environment}.json) beside the DLL are read whatever the working directory:
    /// `dotnet path/to/Scraps.Service.dll` from elsewhere otherwise ran without them (every request then logged at
    /// Information). They go first, so the content root's files, environment variables and the command line still win.
    /// </summary>
    private static void AddSettingsBesideTheApplication(WebApplicationBuilder builder)
    {
        var appFolder = AppContext.BaseDirectory;
        if (string.Equals(Path.GetFullPath(appFolder).TrimEnd('/'), Path.GetFullPath(builder.Environment.ContentRootPath).TrimEnd('/'), StringComparison.Ordinal))
        {
            return;
        }

        var sources = builder.Configuration.Sources;
        foreach (var name in new[] { $"appsettings.{builder.Environment.EnvironmentName}.json", "appsettings.json" })
        {
            var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = Path.Combine(appFolder, name), Optional = true };
            source.ResolveFileProvider();
            sources.Insert(0, source);
        }
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
        services.AddOptions<AdmissionOptions>().BindConfiguration(AdmissionOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdmissionOptions>, AdmissionOptionsValidator>();
        services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.SectionName).ValidateOnStart();
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        services.AddSingleton<IValidateOptions<ShutdownOptions>, ShutdownOptionsValidator>();
        // Drain, linger and the engine's own stop must fit in the host's shutdown budget.
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) =>
            host.ShutdownTimeout = shutdown.Value.DrainTimeout + shutdown.Value.Linger + TimeSpan.FromSeconds(10));
        services.AddSingleton<IValidateOptions<ScrapsModelOptions>, ScrapsModelOptionsValidator>();
        services.AddSingleton<IPostConfigureOptions<ScrapsModelOptions>, InferenceThreadsSetup>();

        // Kestrel's own body limit follows ours (plus room for multipart framing), so that our 413 detail is the one sent.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBytes + (64 << 10));
    }
}
