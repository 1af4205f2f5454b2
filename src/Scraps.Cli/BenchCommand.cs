using System.CommandLine;
using System.Globalization;
using Scraps.Cli.Bench;
using Scraps.Inference.Package;
using Scraps.Inference.Runtime;

namespace Scraps.Cli;

/// <summary>
/// <c>scraps bench http [--model DIR | --random-model DIR] [--clients 32] [--duration 20] ...</c>: closed-loop load
/// against the scoring service (started as a child process on 127.0.0.1) with dynamic batching and with
/// MaxBatchSize=1, and the engine's own batched throughput on the same work, in one run; prints one table.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Measure throughput and latency");
        bench.Subcommands.Add(CreateHttp());
        bench.Subcommands.Add(CreateOverload());
        bench.Subcommands.Add(CreateFairness());
        bench.Subcommands.Add(CreateParity());
        bench.Subcommands.Add(CreateSegments());
        return bench;
    }

    private static Command CreateSegments()
    {
        var model = new Option<string?>("--model", "-m") { Description = $"Model package folder (default: the bundled {ModelLocator.DefaultRelativePath})" };
        var minutes = new Option<double>("--minutes") { Description = "Length of the generated recording", DefaultValueFactory = _ => 20 };
        var segments = new Option<int>("--segments") { Description = "Segments scored", DefaultValueFactory = _ => 300 };
        var seconds = new Option<double>("--segment-seconds") { Description = "Length of each segment", DefaultValueFactory = _ => 3 };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime and preparation threads", DefaultValueFactory = _ => 2 };
        var work = new Option<string?>("--work") { Description = "Folder for the recording, the cut files and the outputs (default: a new temp folder)" };
        var container = new Option<string>("--container") { Description = "The recording's file type: flac, wav, mp3...", DefaultValueFactory = _ => "flac" };
        var command = new Command("segments", "Segments of one long recording scored from a manifest of offsets vs cut into files first (sox), side by side")
        {
            model, minutes, segments, seconds, threads, work, container,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = new SegmentBench.Settings(
                ModelLocator.Resolve(parseResult.GetValue(model)),
                Positive(parseResult.GetValue(minutes), "--minutes"),
                Positive(parseResult.GetValue(segments), "--segments"),
                Positive(parseResult.GetValue(seconds), "--segment-seconds"),
                Positive(parseResult.GetValue(threads), "--threads"),
                parseResult.GetValue(work),
                parseResult.GetValue(container)!.TrimStart('.').ToLowerInvariant());
            if (settings.SegmentSeconds > settings.Minutes * 60)
            {
                throw new ArgumentException("--segment-seconds is longer than the recording");
            }

            SegmentBench.Run(settings, parseResult.InvocationConfiguration.Output, cancellationToken);
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command CreateOverload()
    {
        var model = new Option<string?>("--model", "-m") { Description = $"Model package folder (default: the bundled {ModelLocator.DefaultRelativePath})" };
        var service = new Option<string?>("--service") { Description = "Scraps.Service.dll to start (default: the Release build under artifacts/)" };
        var clients = new Option<int>("--clients", "-c") { Description = "Closed-loop clients of the capacity run", DefaultValueFactory = _ => 32 };
        var factor = new Option<double>("--factor", "-k") { Description = "Offered load as a multiple of the measured capacity", DefaultValueFactory = _ => 4 };
        var duration = new Option<double>("--duration", "-d") { Description = "Measured seconds of each run", DefaultValueFactory = _ => 20 };
        var warmUp = new Option<double>("--warmup") { Description = "Unmeasured seconds before the capacity run", DefaultValueFactory = _ => 10 };
        var serviceEnv = new Option<string[]>("--service-env") { Description = "Extra KEY=VALUE environment for the service (repeatable)" };
        var command = new Command("overload", "Capacity, then an open-loop load of k x capacity: answers by status, goodput, latency of accepted requests, memory")
        {
            model, service, clients, factor, duration, warmUp, serviceEnv,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = new OverloadBenchSettings(
                ModelLocator.Resolve(parseResult.GetValue(model)),
                ResolveService(parseResult.GetValue(service)),
                Positive(parseResult.GetValue(clients), "--clients"),
                Positive(parseResult.GetValue(factor), "--factor"),
                TimeSpan.FromSeconds(Positive(parseResult.GetValue(duration), "--duration")),
                TimeSpan.FromSeconds(Math.Max(0, parseResult.GetValue(warmUp))),
                ParseEnvironment(parseResult.GetValue(serviceEnv) ?? []));
            await OverloadBench.RunAsync(settings, parseResult.InvocationConfiguration.Output, cancellationToken);
            return 0;
        });
        return command;
    }

    private static Command CreateFairness()
    {
        var model = new Option<string?>("--model", "-m") { Description = $"Model package folder (default: the bundled {ModelLocator.DefaultRelativePath})" };
        var service = new Option<string?>("--service") { Description = "Scraps.Service.dll to start (default: the Release build under artifacts/)" };
        var clients = new Option<int>("--clients", "-c") { Description = "Closed-loop connections of the polite client", DefaultValueFactory = _ => 4 };
        var factor = new Option<int>("--factor", "-k") { Description = "The flooding client has k times as many connections", DefaultValueFactory = _ => 8 };
        var share = new Option<double>("--client-share") { Description = "Scraps:Admission:ClientShare of the per-client run", DefaultValueFactory = _ => 0.5 };
        var duration = new Option<double>("--duration", "-d") { Description = "Measured seconds of each run", DefaultValueFactory = _ => 20 };
        var warmUp = new Option<double>("--warmup") { Description = "Unmeasured seconds before each run", DefaultValueFactory = _ => 5 };
        var command = new Command("fairness", "Two clients with their own API keys, one flooding with k times the other's connections: the polite one's success rate and p99, admission shared and per client")
        {
            model, service, clients, factor, share, duration, warmUp,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = new FairnessBenchSettings(
                ModelLocator.Resolve(parseResult.GetValue(model)),
                ResolveService(parseResult.GetValue(service)),
                Positive(parseResult.GetValue(clients), "--clients"),
                Positive(parseResult.GetValue(factor), "--factor"),
                parseResult.GetValue(share) is var s && s > 0 && s < 1 ? s : throw new ArgumentException($"--client-share must lie in (0, 1), got {s}"),
                TimeSpan.FromSeconds(Positive(parseResult.GetValue(duration), "--duration")),
                TimeSpan.FromSeconds(Math.Max(0, parseResult.GetValue(warmUp))));
            await FairnessBench.RunAsync(settings, parseResult.InvocationConfiguration.Output, cancellationToken);
            return 0;
        });
        return command;
    }

    private static Command CreateParity()
    {
        var model = new Option<string?>("--model", "-m") { Description = $"Model package folder (default: the bundled {ModelLocator.DefaultRelativePath})" };
        var provider = ProviderOption();
        var devices = DevicesOption();
        var results = ResultsOption();
        var command = new Command("parity", "Outputs of one execution provider against the CPU's on the bench workload (both encoders, embeddings and per-step outputs)")
        {
            model, provider, devices, results,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var candidate = new ScrapsModelOptions { ExecutionProvider = parseResult.GetValue(provider), CudaDeviceIds = parseResult.GetValue(devices) ?? [] };
            candidate.Validate();
            var r = ProviderParity.Run(ModelLocator.Resolve(parseResult.GetValue(model)), candidate, cancellationToken);
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"provider {r.Provider}; sessions created in {r.LoadSeconds:0.00} s"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Clips} clips and transcripts: max |diff| {r.MaxAbsDiff:0.###e+0} (relative {r.MaxRelDiff:0.###e+0}), min embedding cosine {r.MinCosine:0.########}, max score diff {r.MaxScoreDiff:0.###e+0}"));
            BenchResults.Append(parseResult.GetValue(results), new
            {
                bench = "parity",
                provider = r.Provider.Name,
                requested = r.Provider.Requested.ToString(),
                reason = r.Provider.Reason,
                devices = r.Provider.Devices,
                clips = r.Clips,
                maxAbsDiff = r.MaxAbsDiff,
                maxRelDiff = r.MaxRelDiff,
                minCosine = r.MinCosine,
                maxScoreDiff = r.MaxScoreDiff,
                loadSeconds = r.LoadSeconds,
            });
            return Task.FromResult(0);
        });
        return command;
    }

    private static Option<ExecutionProviderKind> ProviderOption() =>
        new("--provider") { Description = "Execution provider: auto, cpu or cuda (cuda fails when CUDA cannot run)", DefaultValueFactory = _ => ExecutionProviderKind.Auto };

    private static Option<int[]> DevicesOption() =>
        new("--devices") { Description = "CUDA device ids (default 0), e.g. --devices 0 1", AllowMultipleArgumentsPerToken = true };

    private static Option<string?> ResultsOption() =>
        new("--results") { Description = "Also append each measured row to this file as one JSON object a line" };

    private static Command CreateHttp()
    {
        var model = new Option<string?>("--model", "-m") { Description = $"Model package folder (default: the bundled {ModelLocator.DefaultRelativePath})" };
        var randomModel = new Option<string?>("--random-model") { Description = "Use (creating it if missing) a random-weight package in this folder" };
        var randomConfig = new Option<string>("--random-config") { Description = "Size of the --random-model package: small or paper", DefaultValueFactory = _ => "small" };
        var service = new Option<string?>("--service") { Description = "Scraps.Service.dll to start (default: the Release build under artifacts/)" };
        var clients = new Option<int>("--clients", "-c") { Description = "Concurrent closed-loop clients", DefaultValueFactory = _ => 32 };
        var duration = new Option<double>("--duration", "-d") { Description = "Measured seconds per run", DefaultValueFactory = _ => 20 };
        var warmUp = new Option<double>("--warmup") { Description = "Unmeasured seconds before each run (the JIT's tiering settles)", DefaultValueFactory = _ => 15 };
        var batch = new Option<int>("--batch", "-b") { Description = "MaxBatchSize of the dynamic run, and the engine's batch", DefaultValueFactory = _ => 8 };
        var workers = new Option<int>("--workers", "-w") { Description = "Batch workers (service) and threads (engine)", DefaultValueFactory = _ => 2 };
        var delay = new Option<double>("--delay-ms") { Description = "MaxBatchDelay of the dynamic run, in milliseconds", DefaultValueFactory = _ => 5 };
        var noBaseline = new Option<bool>("--no-baseline") { Description = "Skip the MaxBatchSize=1 run" };
        var serviceEnv = new Option<string[]>("--service-env") { Description = "Extra KEY=VALUE environment for the service (repeatable), e.g. Scraps__Batching__Workers=1" };
        var apiKey = new Option<string?>("--api-key") { Description = "Give the service this API key (Scraps:ApiKeys) and send it with every request (Authorization: Bearer)" };
        var provider = ProviderOption();
        var devices = DevicesOption();
        var results = ResultsOption();

        var command = new Command("http", "Closed-loop load on POST /v1/score over loopback vs the engine's batched throughput")
        {
            model, randomModel, randomConfig, service, clients, duration, warmUp, batch, workers, delay, noBaseline, serviceEnv, apiKey, provider, devices, results,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = new HttpBenchSettings(
                ResolveModel(parseResult.GetValue(model), parseResult.GetValue(randomModel), parseResult.GetValue(randomConfig)!),
                ResolveService(parseResult.GetValue(service)),
                Positive(parseResult.GetValue(clients), "--clients"),
                TimeSpan.FromSeconds(Positive(parseResult.GetValue(duration), "--duration")),
                TimeSpan.FromSeconds(Math.Max(0, parseResult.GetValue(warmUp))),
                Positive(parseResult.GetValue(batch), "--batch"),
                Positive(parseResult.GetValue(workers), "--workers"),
                TimeSpan.FromMilliseconds(Math.Max(0, parseResult.GetValue(delay))),
                !parseResult.GetValue(noBaseline),
                ParseEnvironment(parseResult.GetValue(serviceEnv) ?? []))
            {
                Provider = parseResult.GetValue(provider),
                Devices = parseResult.GetValue(devices) ?? [],
                ResultsFile = parseResult.GetValue(results),
                ApiKey = parseResult.GetValue(apiKey),
            };
            await HttpBench.RunAsync(settings, parseResult.InvocationConfiguration.Output, cancellationToken);
            return 0;
        });
        return command;
    }

    private static string ResolveModel(string? model, string? randomModel, string randomConfig) =>
        randomModel is not null ? RandomModelPackage.Ensure(randomModel, randomConfig) : ModelLocator.Resolve(model);

    private static string ResolveService(string? service)
    {
        if (service is not null)
        {
            return File.Exists(service) ? Path.GetFullPath(service) : throw new FileNotFoundException($"--service: no such file {service}", service);
        }

        var roots = new[] { Environment.GetEnvironmentVariable("SCRAPS_ARTIFACTS") }
            .Concat(Ancestors(Directory.GetCurrentDirectory()).Concat(Ancestors(AppContext.BaseDirectory)).Select(d => Path.Combine(d, "artifacts")))
            .Where(r => !string.IsNullOrEmpty(r));
        foreach (var root in roots)
        {
            var candidate = Path.Combine(root!, "bin", "Scraps.Service", "release", "Scraps.Service.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("Scraps.Service.dll not found under artifacts/bin/Scraps.Service/release: run `dotnet build src/Scraps.Service -c Release` or pass --service");
    }

    private static Dictionary<string, string> ParseEnvironment(string[] pairs) => pairs.ToDictionary(
        pair => pair.Split('=', 2) is [var key, _] && key.Length > 0 ? key : throw new ArgumentException($"--service-env takes KEY=VALUE, got '{pair}'"),
        pair => pair.Split('=', 2)[1],
        StringComparer.Ordinal);

    private static IEnumerable<string> Ancestors(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            yield return dir.FullName;
        }
    }

    private static T Positive<T>(T value, string name)
        where T : System.Numerics.INumber<T> =>
        value > T.Zero ? value : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} must be positive, got {value}"));
}
