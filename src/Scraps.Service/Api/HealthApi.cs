using Microsoft.AspNetCore.Http.HttpResults;
using Scraps.Service.Api.Contracts;
using Scraps.Service.Errors;
using Scraps.Service.Hosting;
using Scraps.Service.OpenApi;

namespace Scraps.Service.Api;

/// <summary>GET /health/live and /health/ready (probes; never admitted through the v1 gate).</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health");
        // HEAD too: load balancers and curl -I probe that way.
        health.MapMethods("/live", [HttpMethods.Get, HttpMethods.Head], Live)
            .WithName("Live")
            .WithSummary("Liveness: the process answers")
            .WithDescription("200 as long as the server runs, also while the model loads or after it failed to load.");
        health.MapMethods("/ready", [HttpMethods.Get, HttpMethods.Head], Ready)
            .WithName("Ready")
            .WithSummary("Readiness: the model is loaded and warmed up")
            .WithDescription("200 once the model is loaded and a warm-up batch ran through each encoder; 503 (with the reason and Retry-After) while loading, after a failed load, and while shutting down.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithMetadata(new RetryAfterMetadata(StatusCodes.Status503ServiceUnavailable));
        return app;
    }

    private static Ok<HealthResponse> Live(EngineHost host) => TypedResults.Ok(new HealthResponse
    {
        Status = "alive",
        Model = host.Engine?.Model.Id,
        Provider = host.Engine?.Model.Provider.Name,
        ProviderReason = host.Engine?.Model.Provider.Reason,
    });

    private static Ok<HealthResponse> Ready(EngineHost host)
    {
        if (host.Status != EngineStatus.Ready || host.Engine is null)
        {
            throw new ServiceUnavailableException(host.NotReadyReason, host.RetryAfter);
        }

        var provider = host.Engine.Model.Provider;
        return TypedResults.Ok(new HealthResponse { Status = "ready", Model = host.Engine.Model.Id, Provider = provider.Name, ProviderReason = provider.Reason });
    }
}
