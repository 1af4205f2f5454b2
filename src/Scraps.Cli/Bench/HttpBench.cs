using System.Diagnostics;
using System.Globalization;
using Scraps.Shared;

namespace Scraps.Cli.Bench;

/// <summary>Runs the engine measurement and the service runs one after the other (never at once) and prints the table.</summary>
internal static class HttpBench
{
    public static async Task RunAsync(HttpBenchSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        var items = BenchWorkload.Create();
        await output.WriteLineAsync(Invariant(
            $"model {settings.ModelFolder}; {Environment.ProcessorCount} cores; {items.Count} clips of {items.Min(i => i.Seconds):0.0}-{items.Max(i => i.Seconds):0.0} s; {settings.Clients} clients; {settings.WarmUp.TotalSeconds:0} s warm-up + {settings.Duration.TotalSeconds:0} s measured per run"));

        await output.WriteLineAsync($"service environment: {string.Join(", ", settings.ServiceEnvironment.Select(e => $"{e.Key}={e.Value}").Prepend("DOTNET_GCgen0size=0x4000000 (default)"))}");
        var (engine, provider) = EngineThroughput.Run(
            settings.ModelFolder, items, settings.BatchSize, settings.Workers, settings.Provider, settings.Devices, settings.WarmUp, settings.Duration, cancellationToken);
        await output.WriteLineAsync($"engine provider: {provider}");
        var rows = new List<string>
        {
            Header(),
            Row($"engine (batch {settings.BatchSize}, {settings.Workers} threads)", engine, settings.BatchSize.ToString(CultureInfo.InvariantCulture), "-", "-"),
        };
        await output.WriteLineAsync(rows[^1]);
        Record(settings, "engine", provider.Name, settings.BatchSize, engine, "-", 0);

        var dynamic = await RunServiceAsync($"service, MaxBatchSize={settings.BatchSize}", settings, settings.BatchSize, settings.BatchDelay, items, cancellationToken);
        rows.Add(dynamic.Row);
        await output.WriteLineAsync(dynamic.Row);
        ServiceRun? single = null;
        if (settings.WithBaseline)
        {
            single = await RunServiceAsync("service, MaxBatchSize=1", settings, 1, TimeSpan.Zero, items, cancellationToken);
            rows.Add(single.Row);
            await output.WriteLineAsync(single.Row);
        }

        await output.WriteLineAsync();
        foreach (var row in rows)
        {
            await output.WriteLineAsync(row);
        }

        // On a machine shared with other work the wall-clock rates say little; CPU time per request does not depend
        // on how much of the cores this run got, so the ratios are also given as cores / CPU-time-per-request.
        var cores = Environment.ProcessorCount * 1000.0;
        var engineCapacity = cores / engine.CpuMsPerItem;
        var dynamicCapacity = cores / (dynamic.Latency.CpuMsPerItem + dynamic.ClientCpuMs);
        await output.WriteLineAsync(Invariant(
            $"service / engine: measured {dynamic.Latency.Throughput / engine.Throughput:0.00}; by CPU time (service + client on the same cores) {dynamicCapacity / engineCapacity:0.00}, service alone {engine.CpuMsPerItem / dynamic.Latency.CpuMsPerItem:0.00} (target >= 0.85)"));
        if (single is not null)
        {
            var singleCapacity = cores / (single.Latency.CpuMsPerItem + single.ClientCpuMs);
            await output.WriteLineAsync(Invariant(
                $"dynamic batching / MaxBatchSize=1: measured {dynamic.Latency.Throughput / single.Latency.Throughput:0.00}; by CPU time {dynamicCapacity / singleCapacity:0.00}, service alone {single.Latency.CpuMsPerItem / dynamic.Latency.CpuMsPerItem:0.00} (target >= 2)"));
        }
    }

    private static async Task<ServiceRun> RunServiceAsync(
        string name, HttpBenchSettings settings, int maxBatchSize, TimeSpan delay, IReadOnlyList<BenchItem> items, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>
        {
            ["Scraps__Model__Path"] = settings.ModelFolder,
            ["Scraps__Batching__MaxBatchSize"] = maxBatchSize.ToString(CultureInfo.InvariantCulture),
            ["Scraps__Batching__MaxBatchDelay"] = delay.ToString("c", CultureInfo.InvariantCulture),
            ["Scraps__Batching__Workers"] = settings.Workers.ToString(CultureInfo.InvariantCulture),
            ["Scraps__Batching__QueueCapacity"] = Math.Max(256, settings.Clients * 2).ToString(CultureInfo.InvariantCulture),
            ["Scraps__Inference__ExecutionProvider"] = settings.Provider.ToString(),

            // A closed loop of C clients never has more than C requests out: admit them all, so that the run measures
            // batching and the engine, not admission (scraps bench overload measures that).
            ["Scraps__Admission__PermitLimit"] = Math.Max(16, settings.Clients).ToString(CultureInfo.InvariantCulture),
            ["Scraps__Admission__QueueLimit"] = Math.Max(32, settings.Clients).ToString(CultureInfo.InvariantCulture),

            // A 64 MB gen0 budget, as recommended for deployment: requests keep 0.1-2 MB of audio buffers alive while
            // queued, and with the small default budget they get promoted and collected in gen2 (measured: ~10% of
            // the service's CPU). Environment only (no runtimeconfig knob); --service-env DOTNET_GCgen0size=0 undoes it.
            ["DOTNET_GCgen0size"] = "0x4000000",
        };
        for (var i = 0; i < settings.Devices.Count; i++)
        {
            environment[$"Scraps__Inference__CudaDeviceIds__{i}"] = settings.Devices[i].ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in settings.ServiceEnvironment)
        {
            environment[key] = value;
        }

        if (settings.ApiKey is { } apiKey)
        {
            environment["Scraps__ApiKeys__Keys__0"] = apiKey;
        }

        await using var service = await ServiceProcess.StartAsync(settings.ServiceDll, environment, cancellationToken);
        using var metrics = new HttpClient { BaseAddress = service.BaseAddress };
        var snapshots = new List<(string Metrics, TimeSpan ServiceCpu, TimeSpan ClientCpu)>();
        var load = await HttpLoad.RunAsync(
            service.BaseAddress,
            items,
            settings.Clients,
            settings.WarmUp,
            settings.Duration,
            async () =>
            {
                var serviceCpu = service.CpuTime;
                var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
                snapshots.Add((await metrics.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellationToken), serviceCpu, clientCpu));
            },
            cancellationToken,
            settings.ApiKey);
        var (before, after) = (snapshots[0], snapshots[1]);
        if (Environment.GetEnvironmentVariable("SCRAPS_BENCH_DUMP_METRICS") is { Length: > 0 } dump)
        {
            await File.WriteAllTextAsync($"{dump}.{maxBatchSize}.before.txt", before.Metrics, cancellationToken);
            await File.WriteAllTextAsync($"{dump}.{maxBatchSize}.after.txt", after.Metrics, cancellationToken);
        }

        var batches = BatchSizeScrape.MeanBetween(before.Metrics, after.Metrics);
        var completed = Math.Max(1, load.Latency.Completed);
        var latency = load.Latency with { CpuMsPerItem = (after.ServiceCpu - before.ServiceCpu).TotalMilliseconds / completed };
        var clientCpuMs = (after.ClientCpu - before.ClientCpu).TotalMilliseconds / completed;
        var errors = load.Failures.Count == 0 ? "0" : string.Join(",", load.Failures.Select(f => $"{f.Key}x{f.Value}"));
        var batchText = Invariant($"{batches.GetValueOrDefault("acoustic", double.NaN):0.0}/{batches.GetValueOrDefault("phonetic", double.NaN):0.0}");
        var errorCount = load.Failures.Values.Sum();
        Record(settings, name, ProviderOf(after.Metrics), maxBatchSize, latency, batchText, errorCount);
        return new ServiceRun(latency, clientCpuMs, Row(name, latency, batchText, Invariant($"{clientCpuMs:0.0}"), errors));
    }

    private static void Record(HttpBenchSettings settings, string run, string provider, int maxBatchSize, LatencySummary latency, string batch, long errors) =>
        BenchResults.Append(settings.ResultsFile, new
        {
            bench = "http",
            run,
            provider,
            clients = settings.Clients,
            maxBatchSize,
            reqPerSec = latency.Throughput,
            p50Ms = latency.P50Ms,
            p95Ms = latency.P95Ms,
            p99Ms = latency.P99Ms,
            batch,
            cpuMsPerReq = latency.CpuMsPerItem,
            errors,
        });

    /// <summary>The provider label of the service's scraps_model_info metric ("cpu", "cuda"), or "?".</summary>
    private static string ProviderOf(string metrics)
    {
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith("scraps_model_info{", StringComparison.Ordinal));
        var match = line is null ? null : System.Text.RegularExpressions.Regex.Match(line, "provider=\"(?<p>[a-z]+)\"");
        return match is { Success: true } ? match.Groups["p"].Value : "?";
    }

    private static string Header() => Invariant(
        $"{"run",-32} {"req/s",7} {"p50 ms",7} {"p95 ms",7} {"p99 ms",7} {"batch ac/ph",11} {"cpu ms/req",10} {"client cpu",10} {"errors",6}");

    private static string Row(string name, LatencySummary latency, string batch, string clientCpu, string errors) => Invariant(
        $"{name,-32} {latency.Throughput,7:0.0} {Ms(latency.P50Ms),7} {Ms(latency.P95Ms),7} {Ms(latency.P99Ms),7} {batch,11} {latency.CpuMsPerItem,10:0.00} {clientCpu,10} {errors,6}");

    private static string Ms(double value) => double.IsNaN(value) ? "-" : value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record ServiceRun(LatencySummary Latency, double ClientCpuMs, string Row);
}
