using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Scraps.Shared;

namespace Scraps.Cli.Bench;

/// <summary>
/// `scraps bench overload`: the service as a child process; first its capacity (closed loop, C clients, POST
/// /v1/score), then an open-loop offered load of k x capacity (requests sent on a fixed schedule whatever the answers,
/// as many independent users would) for a fixed time. Prints what came back per second by status, goodput against
/// capacity, latency of the accepted requests and the service's resident memory before, at peak and after.
/// </summary>
internal static class OverloadBench
{
    public static async Task RunAsync(OverloadBenchSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        var items = BenchWorkload.Create();
        var environment = new Dictionary<string, string> { ["Scraps__Model__Path"] = settings.ModelFolder };
        foreach (var (key, value) in settings.ServiceEnvironment)
        {
            environment[key] = value;
        }

        await output.WriteLineAsync(Invariant($"model {settings.ModelFolder}; {Environment.ProcessorCount} cores; {items.Count} clips of {items.Min(i => i.Seconds):0.0}-{items.Max(i => i.Seconds):0.0} s; service environment: {string.Join(", ", environment.Select(e => $"{e.Key}={e.Value}"))}"));
        await using var service = await ServiceProcess.StartAsync(settings.ServiceDll, environment, cancellationToken);
        var idle = service.ResidentBytes;

        var capacity = await HttpLoad.RunAsync(service.BaseAddress, items, settings.Clients, settings.WarmUp, settings.Duration, () => Task.CompletedTask, cancellationToken);
        var capacityRate = capacity.Latency.Throughput;
        await output.WriteLineAsync(Invariant($"capacity: {capacityRate:0.0} req/s with {settings.Clients} closed-loop clients (p50 {capacity.Latency.P50Ms:0} ms, p99 {capacity.Latency.P99Ms:0} ms)"));
        if (capacityRate <= 0)
        {
            throw new InvalidOperationException("the service answered no request in the capacity run");
        }

        var before = service.ResidentBytes;
        var offered = settings.Factor * capacityRate;
        var result = await OpenLoopAsync(service, items, offered, settings.Duration, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        var after = service.ResidentBytes;

        var seconds = settings.Duration.TotalSeconds;
        double PerSecond(int status) => result.ByStatus.GetValueOrDefault(status) / seconds;
        var other = result.ByStatus.Where(s => s.Key is not (200 or 429 or 503)).Sum(s => s.Value) + result.Failed;
        var goodput = PerSecond(200);
        await output.WriteLineAsync();
        await output.WriteLineAsync(Invariant($"{"load",6} {"offered/s",9} {"200/s",7} {"429/s",7} {"503/s",7} {"other/s",7} {"goodput/cap",11} {"p50 ms",7} {"p99 ms",7} {"RSS idle MB",11} {"before",7} {"peak",7} {"after",7}"));
        await output.WriteLineAsync(Invariant(
            $"{settings.Factor,5:0.#}x {result.Sent / seconds,9:0.0} {goodput,7:0.0} {PerSecond(429),7:0.0} {PerSecond(503),7:0.0} {other / seconds,7:0.0} {goodput / capacityRate,11:0.00} {result.Accepted.P50Ms,7:0} {result.Accepted.P99Ms,7:0} {idle >> 20,11} {before >> 20,7} {result.PeakResident >> 20,7} {after >> 20,7}"));
        await output.WriteLineAsync(Invariant(
            $"goodput {goodput / capacityRate:P0} of capacity (target >= 80%); p99 of accepted {result.Accepted.P99Ms / 1000:0.00} s (target <= 2 s); RSS peak {(double)result.PeakResident / idle:0.00} x idle (target <= 2)"));
    }

    private static async Task<OpenLoopResult> OpenLoopAsync(ServiceProcess service, IReadOnlyList<BenchItem> items, double rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var bodies = items.Select(item => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { audio = Convert.ToBase64String(item.Wav), transcript = item.Transcript }))).ToArray();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1024, UseProxy = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var score = new Uri("/v1/score", UriKind.Relative);
        var byStatus = new ConcurrentDictionary<int, long>();
        var accepted = new ConcurrentBag<double>();
        long failed = 0;
        long peak = service.ResidentBytes;
        var pending = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        var total = (int)Math.Round(rate * duration.TotalSeconds);
        var nextSample = 0.0;
        for (var i = 0; i < total; i++)
        {
            // Send on schedule (t_i = i / rate), never waiting for answers: the offered load does not bend to the service.
            var due = i / rate;
            var now = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (due > now)
            {
                await Task.Delay(TimeSpan.FromSeconds(due - now), cancellationToken);
            }

            if (now >= nextSample)
            {
                peak = Math.Max(peak, service.ResidentBytes);
                nextSample = now + 0.05;
            }

            var body = bodies[i % bodies.Length];
            pending.Add(Task.Run(
                async () =>
                {
                    var sent = Stopwatch.GetTimestamp();
                    try
                    {
                        using var content = new ByteArrayContent(body);
                        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                        using var response = await http.PostAsync(score, content, cancellationToken);
                        await response.Content.LoadIntoBufferAsync(cancellationToken);
                        byStatus.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            accepted.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref failed);
                    }
                },
                cancellationToken));
        }

        var all = Task.WhenAll(pending);
        while (!all.IsCompleted)
        {
            peak = Math.Max(peak, service.ResidentBytes);
            await Task.WhenAny(all, Task.Delay(50, cancellationToken));
        }

        return new OpenLoopResult(total, byStatus, failed, LatencySummary.From([.. accepted], duration.TotalSeconds), peak);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record OpenLoopResult(int Sent, IReadOnlyDictionary<int, long> ByStatus, long Failed, LatencySummary Accepted, long PeakResident);
}

/// <summary>What `scraps bench overload` measures against.</summary>
internal sealed record OverloadBenchSettings(
    string ModelFolder, string ServiceDll, int Clients, double Factor, TimeSpan Duration, TimeSpan WarmUp, IReadOnlyDictionary<string, string> ServiceEnvironment);
