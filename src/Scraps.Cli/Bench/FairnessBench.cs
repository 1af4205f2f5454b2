using System.Globalization;
using Scraps.Shared;

namespace Scraps.Cli.Bench;

/// <summary>
/// `scraps bench fairness`: two clients share one service, each with its own API key. A polite client runs C
/// closed-loop connections, first alone (its unloaded p99), then beside a flooding client with k x C connections that
/// retries every 429 at once. Measured with per-client admission off (Scraps:Admission:ClientShare 1: one shared pool)
/// and on (the configured share), side by side in one run: the polite client's success rate and p99 in each case.
/// </summary>
internal static class FairnessBench
{
    private const string PoliteKey = "bench-polite-client-key-0001";
    private const string FloodKey = "bench-flooding-client-key-0002";

    public static async Task RunAsync(FairnessBenchSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        var items = BenchWorkload.Create();
        var keysFile = Path.Combine(Path.GetTempPath(), $"scraps-bench-keys-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(keysFile, [PoliteKey, FloodKey], cancellationToken);
        try
        {
            await output.WriteLineAsync(Invariant(
                $"{Environment.ProcessorCount} cores; polite client {settings.Clients} connections, flooding client {settings.Factor * settings.Clients} (retrying every 429 at once); {settings.Duration.TotalSeconds:0} s runs"));
            await output.WriteLineAsync(Invariant($"{"admission",-22} {"alone p99 ms",12} {"flood: polite ok",16} {"polite p99 ms",13} {"p99 ratio",9} {"flood ok",8} {"flood 200/s",11}"));
            foreach (var share in new[] { 1.0, settings.ClientShare })
            {
                var environment = new Dictionary<string, string>
                {
                    ["Scraps__Model__Path"] = settings.ModelFolder,
                    ["Scraps__ApiKeys__KeysFile"] = keysFile,
                    ["Scraps__Admission__ClientShare"] = share.ToString(CultureInfo.InvariantCulture),
                };
                await using var service = await ServiceProcess.StartAsync(settings.ServiceDll, environment, cancellationToken);
                var alone = await HttpLoad.RunAsync(service.BaseAddress, items, settings.Clients, settings.WarmUp, settings.Duration, () => Task.CompletedTask, cancellationToken, PoliteKey);
                var flood = HttpLoad.RunAsync(service.BaseAddress, items, settings.Factor * settings.Clients, settings.WarmUp, settings.Duration, () => Task.CompletedTask, cancellationToken, FloodKey);
                var polite = HttpLoad.RunAsync(service.BaseAddress, items, settings.Clients, settings.WarmUp, settings.Duration, () => Task.CompletedTask, cancellationToken, PoliteKey);
                var (p, f) = (await polite, await flood);
                var label = share >= 1 ? "shared pool (share 1)" : Invariant($"per client (share {share:0.##})");
                await output.WriteLineAsync(Invariant(
                    $"{label,-22} {alone.Latency.P99Ms,12:0} {p.SuccessRate,16:P1} {p.Latency.P99Ms,13:0} {p.Latency.P99Ms / alone.Latency.P99Ms,9:0.00} {f.SuccessRate,8:P0} {f.Latency.Throughput,11:0.0}"));
            }

            await output.WriteLineAsync("targets: with per-client admission the polite client keeps >= 90% success and p99 <= 2 x its unloaded p99");
        }
        finally
        {
            File.Delete(keysFile);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What `scraps bench fairness` measures against.</summary>
internal sealed record FairnessBenchSettings(string ModelFolder, string ServiceDll, int Clients, int Factor, double ClientShare, TimeSpan Duration, TimeSpan WarmUp);
