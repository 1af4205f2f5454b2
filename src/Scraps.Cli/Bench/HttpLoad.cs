using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Scraps.Cli.Bench;

/// <summary>The outcome of one closed-loop run.</summary>
internal sealed record HttpLoadResult(LatencySummary Latency, IReadOnlyDictionary<int, long> Failures)
{
    /// <summary>Answers in the window that were 200, as a share of all answers in it.</summary>
    public double SuccessRate
    {
        get
        {
            double ok = Latency.Completed;
            var total = ok + Failures.Values.Sum();
            return total > 0 ? ok / total : 0;
        }
    }
}

/// <summary>
/// Closed-loop load: C clients, each sending its next POST /v1/score as soon as the previous answer arrived, for a
/// fixed time after a warm-up. Requests that complete inside the measured window count (the clients run through
/// both edges, so the work in flight at the start and at the end roughly cancels). Bodies are serialised once up
/// front so that the client spends little CPU. The <c>atWindowEdge</c> callback runs when the window opens and
/// when it closes (CPU and metrics snapshots).
/// </summary>
internal static class HttpLoad
{
    public static async Task<HttpLoadResult> RunAsync(
        Uri baseAddress,
        IReadOnlyList<BenchItem> items,
        int clients,
        TimeSpan warmUp,
        TimeSpan duration,
        Func<Task> atWindowEdge,
        CancellationToken cancellationToken,
        string? apiKey = null)
    {
        if (!IPAddress.TryParse(baseAddress.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"the load tool only targets loopback addresses (127.0.0.1), not {baseAddress.Host}");
        }

        var bodies = items.Select(item => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            audio = Convert.ToBase64String(item.Wav),
            transcript = item.Transcript,
        }))).ToArray();
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = clients,
            UseProxy = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        }

        var score = new Uri("/v1/score", UriKind.Relative);

        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perClient = new List<double>[clients];
        var failures = new System.Collections.Concurrent.ConcurrentDictionary<int, long>();
        var tasks = Enumerable.Range(0, clients).Select(c => Task.Run(
            async () =>
            {
                var latencies = perClient[c] = [];
                var next = c;
                while (Stopwatch.GetTimestamp() < stopAt)
                {
                    var body = bodies[next++ % bodies.Length];
                    var sent = Stopwatch.GetTimestamp();
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                    using var response = await http.PostAsync(score, content, cancellationToken);
                    await response.Content.LoadIntoBufferAsync(cancellationToken);
                    var done = Stopwatch.GetTimestamp();
                    if (done < measureFrom || done > stopAt)
                    {
                        continue;
                    }

                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(sent, done).TotalMilliseconds);
                    }
                    else
                    {
                        failures.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                    }
                }
            },
            cancellationToken)).ToList();
        tasks.Add(Task.Run(
            async () =>
            {
                await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), measureFrom), cancellationToken);
                await atWindowEdge();
                await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), stopAt), cancellationToken);
                await atWindowEdge();
            },
            cancellationToken));
        await Task.WhenAll(tasks);

        var all = perClient.SelectMany(l => l).ToList();
        return new HttpLoadResult(LatencySummary.From(all, duration.TotalSeconds), failures);
    }
}
