namespace Scraps.Service.Hosting;

/// <summary>Admits each v1 request through <see cref="EngineHost"/> (503 when not ready) and counts it until it ends.</summary>
internal sealed class AdmissionFilter(EngineHost host) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        host.Enter();
        try
        {
            return await next(context);
        }
        finally
        {
            host.Leave();
        }
    }
}
