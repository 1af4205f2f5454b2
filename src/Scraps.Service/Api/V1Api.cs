using Scraps.Service.Hosting;
using Scraps.Service.OpenApi;

namespace Scraps.Service.Api;

/// <summary>The /v1 route group: admission (503 until the model is ready) and the errors every v1 operation can return.</summary>
internal static class V1Api
{
    public static RouteGroupBuilder MapV1Group(this IEndpointRouteBuilder app) =>
        app.MapGroup("/v1")
            .AddEndpointFilter<AdmissionFilter>()
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithMetadata(new RetryAfterMetadata(StatusCodes.Status503ServiceUnavailable));
}
