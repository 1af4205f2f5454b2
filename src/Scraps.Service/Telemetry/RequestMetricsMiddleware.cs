namespace Scraps.Service.Telemetry;

/// <summary>
/// Records <see cref="RequestMetrics"/> for endpoints with <see cref="ScrapsOperation"/>. It runs after routing and
/// before admission, so the 429s of the rate limiter are counted too; the status is read when the response has
/// completed, after the exception handler has written its problem.
/// </summary>
internal sealed class RequestMetricsMiddleware(RequestDelegate next, RequestMetrics metrics, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ScrapsOperation>() is not { } operation)
        {
            await next(context);
            return;
        }

        var started = time.GetTimestamp();
        // Whether the client went away is read while the request is handled: once the response is complete, a
        // connection that closes (Connection: close) would look like an abort.
        var aborted = false;
        context.Response.OnCompleted(() =>
        {
            metrics.Record(operation.Name, RequestOutcome.Of(context.Response.StatusCode, aborted), time.GetElapsedTime(started));
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            aborted = context.RequestAborted.IsCancellationRequested;
        }
    }
}
