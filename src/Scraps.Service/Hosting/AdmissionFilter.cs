namespace Scraps.Service.Hosting;

/// <summary>
/// Holds an <see cref="AdmissionLease"/> from <see cref="EngineHost"/> for each v1 request (503 when not ready or
/// shutting down) until its handler is done, so that shutdown waits for every admitted request, and hands the handler
/// the engine it was admitted to (<see cref="AdmittedEngine"/>): the one place a v1 request meets a missing model.
/// </summary>
internal sealed class AdmissionFilter(EngineHost host) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        using var lease = host.Admit();
        context.HttpContext.Features.Set(new AdmittedEngine(lease.Engine));
        return await next(context);
    }
}

/// <summary>The engine a v1 request was admitted to (a request feature set by <see cref="AdmissionFilter"/>).</summary>
internal sealed record AdmittedEngine(Engine.ScoringEngine Engine)
{
    /// <exception cref="InvalidOperationException">The endpoint is not behind the admission filter (a wiring error).</exception>
    public static Engine.ScoringEngine Of(HttpContext context) =>
        context.Features.Get<AdmittedEngine>()?.Engine ?? throw new InvalidOperationException("v1 handlers run behind the admission filter (MapV1Group)");
}
