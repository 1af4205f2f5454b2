using OpenTelemetry.Metrics;
using Scraps.Inference.Batching;

namespace Scraps.Service.Telemetry;

/// <summary>
/// Metrics through OpenTelemetry, scraped by Prometheus at /metrics: ASP.NET Core's HTTP server metrics (requests
/// by route and status, durations), the batcher's meter, the served model and its provider, Polly's resilience events and
/// the runtime's meter.
/// </summary>
internal static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddScrapsTelemetry(this IServiceCollection services)
    {
        services.AddSingleton<ModelInfoMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(BatchingMetrics.MeterName, FrontEndMetrics.MeterName, ModelInfoMetrics.MeterName, "Microsoft.AspNetCore.RateLimiting", "Polly", "System.Runtime")
            .AddPrometheusExporter());
        return services;
    }

    public static WebApplication MapScrapsMetrics(this WebApplication app)
    {
        // An observable instrument exists once created: create it with the endpoint that exports it.
        app.Services.GetRequiredService<ModelInfoMetrics>();
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }
}
