using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Scraps.Inference.Batching;

namespace Scraps.Service.Telemetry;

/// <summary>
/// Metrics through OpenTelemetry, scraped by Prometheus at /metrics: ASP.NET Core's HTTP server metrics (requests
/// by route and status, durations), requests per model operation and outcome, the front end's and the batcher's
/// meters, the served model and its provider, admission, Polly's resilience events and the runtime's meter.
/// docs/metrics.md lists every one.
/// </summary>
internal static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    /// <summary>The OpenTelemetry service.name of every metric's resource.</summary>
    public const string ServiceName = "scraps-service";

    public static IServiceCollection AddScrapsTelemetry(this IServiceCollection services)
    {
        services.AddSingleton<RequestMetrics>();
        services.AddSingleton<ModelInfoMetrics>();
        // The resource names the service (target_info's service_name), not OpenTelemetry's "unknown_service:Scraps.Service".
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(BatchingMetrics.MeterName, FrontEndMetrics.MeterName, RequestMetrics.MeterName, ModelInfoMetrics.MeterName, Admission.AdmissionMetrics.MeterName,
                "Microsoft.AspNetCore.RateLimiting", "Polly", "System.Runtime")
            // Polly records its durations in milliseconds, which Prometheus users read as seconds
            // (..._duration_milliseconds beside every other ..._seconds). The batch's own time is
            // scraps.batching.inference.duration (seconds); Polly's events (circuit opened, timeout) stay.
            .AddView("resilience.polly.pipeline.duration", MetricStreamConfiguration.Drop)
            .AddView("resilience.polly.strategy.attempt.duration", MetricStreamConfiguration.Drop)
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>Counts requests per model operation; after routing (to see the endpoint), before admission (to see its 429s).</summary>
    public static WebApplication UseScrapsRequestMetrics(this WebApplication app)
    {
        app.UseMiddleware<RequestMetricsMiddleware>();
        return app;
    }

    public static WebApplication MapScrapsMetrics(this WebApplication app)
    {
        // An observable instrument exists once created: create it with the endpoint that exports it.
        app.Services.GetRequiredService<ModelInfoMetrics>();
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }
}
