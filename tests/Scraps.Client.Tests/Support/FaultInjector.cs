using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace Scraps.Client.Tests.Support;

/// <summary>
/// Sits between the client's resilience pipeline and the real service: answers the next requests with scripted
/// faults (a status with Retry-After, or a stall) before letting requests through, and records every attempt.
/// </summary>
internal sealed class FaultInjector : DelegatingHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage?>>> _script = new();

    /// <summary>Every attempt that reached this handler: when, and which path.</summary>
    public ConcurrentQueue<(DateTime At, string Path)> Attempts { get; } = new();

    /// <summary>The next request is answered with <paramref name="status"/>, a problem body and Retry-After (seconds).</summary>
    public FaultInjector Respond(HttpStatusCode status, int? retryAfterSeconds, string detail = "injected")
    {
        _script.Enqueue((request, _) =>
        {
            var response = new HttpResponseMessage(status)
            {
                RequestMessage = request,
                Content = new StringContent(
                    $$"""{"type":"about:blank","title":"Injected {{(int)status}}","status":{{(int)status}},"detail":"{{detail}}"}""",
                    new MediaTypeHeaderValue("application/problem+json")),
            };
            if (retryAfterSeconds is { } seconds)
            {
                response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
            }

            return Task.FromResult<HttpResponseMessage?>(response);
        });
        return this;
    }

    /// <summary>The next request stalls (until cancelled, e.g. by the attempt timeout).</summary>
    public FaultInjector Stall()
    {
        _script.Enqueue(async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return null;
        });
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Attempts.Enqueue((DateTime.UtcNow, request.RequestUri!.AbsolutePath));
        if (_script.TryDequeue(out var fault) && await fault(request, cancellationToken) is { } injected)
        {
            return injected;
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
