using System.Net;
using System.Net.Sockets;
using Scraps.Service.Tests.Support;
using Xunit.Abstractions;

namespace Scraps.Service.Tests.Process;

/// <summary>SIGTERM under steady load from keep-alive clients: every request sent gets an answer.</summary>
[Collection(ChildService.Sequential.Name)]
public sealed class GracefulShutdownTests(ITestOutputHelper output)
{
    [Fact]
    public async Task After_sigterm_admitted_requests_finish_new_ones_get_503_with_connection_close_and_none_is_lost()
    {
        await using var service = await ChildService.StartAsync(("Scraps__Shutdown__Linger", "00:00:02"), ("Scraps__Shutdown__DrainTimeout", "00:00:20"));
        var clip = TestClips.Tone(1.0);
        var ok = 0;
        var unavailable = 0;
        var unavailableWithClose = 0;
        var refusedBeforeSending = 0;
        var lost = new List<string>();
        var other = new List<string>();
        var terminated = new TaskCompletionSource();

        async Task ClientAsync()
        {
            // One keep-alive connection per client (the HTTP/1.1 pool reuses it for every request).
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) };
            using var client = new HttpClient(handler) { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            while (true)
            {
                try
                {
                    using var response = await client.PostAsync("/v1/score", Requests.Multipart(("audio", clip), ("transcript", "hello there")));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref ok);
                        continue;
                    }

                    if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                    {
                        Interlocked.Increment(ref unavailable);
                        if (response.Headers.ConnectionClose == true && response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1))
                        {
                            Interlocked.Increment(ref unavailableWithClose);
                        }

                        return; // a well-behaved client waits Retry-After (10 s): this process is gone by then
                    }

                    lock (other)
                    {
                        other.Add($"{(int)response.StatusCode}");
                    }

                    return;
                }
                catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } && terminated.Task.IsCompleted)
                {
                    // A new connection after the server stopped listening: the request was never sent.
                    Interlocked.Increment(ref refusedBeforeSending);
                    return;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    lock (lost)
                    {
                        lost.Add(e.GetBaseException().Message);
                    }

                    return;
                }
            }
        }

        var clients = Enumerable.Range(0, 16).Select(_ => Task.Run(ClientAsync)).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(3));
        var before = Volatile.Read(ref ok);
        service.Terminate();
        terminated.SetResult();
        await Task.WhenAll(clients).WaitAsync(TimeSpan.FromSeconds(60));
        await service.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        output.WriteLine($"200 before SIGTERM {before}, 200 in all {ok}, 503 {unavailable} ({unavailableWithClose} with Connection: close and Retry-After), " +
                         $"refused before sending {refusedBeforeSending}, lost {lost.Count}, other {other.Count}; exit code {service.ExitCode}");

        Assert.True(before > 0, "no request was served before SIGTERM");
        Assert.Empty(lost);
        Assert.Empty(other);
        Assert.True(unavailable > 0, "no client saw the shutdown 503");
        Assert.Equal(unavailable, unavailableWithClose);
        Assert.Equal(0, service.ExitCode);
    }
}
