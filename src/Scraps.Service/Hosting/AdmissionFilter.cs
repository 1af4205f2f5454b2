namespace Scraps.Service.Hosting;

/// <summary>
/// Holds an <see cref="AdmissionLease"/> from <see cref="EngineHost"/> for each v1 request (503 when not ready or
/// shutting down) until its handler is done, so that shutdown waits for every admitted request.
/// </summary>
internal sealed class AdmissionFilter(EngineHost host) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        using var lease = host.Admit();
        return await next(context);
    }
}
