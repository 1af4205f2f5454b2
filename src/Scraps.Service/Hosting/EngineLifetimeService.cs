using Microsoft.Extensions.Options;
using Scraps.Inference.Batching;
using Scraps.Inference.Package;
using Scraps.Inference.Runtime;
using Scraps.Service.Configuration;
using Scraps.Service.Engine;
using Scraps.Service.Telemetry;

namespace Scraps.Service.Hosting;

/// <summary>
/// Loads the model in the background (the server answers /health/live meanwhile), runs a warm-up batch through
/// each encoder, then marks the service ready. On shutdown (SIGTERM), before the server stops listening: stop
/// admitting (new requests get 503 with Connection: close and Retry-After), wait for the admitted ones up to the
/// drain timeout, keep answering a little longer so that requests already sent on kept-alive connections get that
/// 503 rather than a closed socket; then, once the server has stopped, drain the batchers and release the model.
/// </summary>
internal sealed partial class EngineLifetimeService(
    EngineHost host,
    IModelSource source,
    IOptions<ModelOptions> modelOptions,
    IOptions<BatchingOptions> batchingOptions,
    IOptions<RequestLimitsOptions> limits,
    IOptions<ShutdownOptions> shutdown,
    IBatchExecutionGuard guard,
    BatchingMetrics metrics,
    FrontEndMetrics frontEnd,
    TimeProvider timeProvider,
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory,
    ILogger<EngineLifetimeService> logger) : BackgroundService, IHostedLifecycleService
{
    private int _stopped;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(host.BeginStopping);
        return base.StartAsync(cancellationToken);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs before any hosted service stops, the web server included: the server still answers meanwhile.</summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        host.BeginStopping();
        var options = shutdown.Value;
        LogDraining(logger, host.InFlight, options.DrainTimeout.TotalSeconds);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.DrainTimeout);
        try
        {
            await host.WaitForInFlightAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogDrainTimedOut(logger, host.InFlight, options.DrainTimeout.TotalSeconds);
        }

        if (options.Linger > TimeSpan.Zero)
        {
            await Task.Delay(options.Linger, timeProvider, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        host.BeginStopping();
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await base.StopAsync(cancellationToken);
        await host.WaitForInFlightAsync(cancellationToken);
        if (host.Engine is { } engine)
        {
            await engine.StopAsync(cancellationToken);
            await engine.DisposeAsync();
        }

        LogStopped(logger);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var folder = ModelPathResolver.Resolve(modelOptions.Value.Path, environment.ContentRootPath);
        ScoringEngine? engine = null;
        try
        {
            LogLoading(logger, folder);
            var model = await Task.Run(() => source.Load(folder), stoppingToken);
            var batching = batchingOptions.Value.Resolve(model.Provider);
            engine = new ScoringEngine(
                model, batching, limits.Value, guard, metrics, frontEnd, timeProvider, loggerFactory);
            if (modelOptions.Value.WarmUp)
            {
                await engine.WarmUpAsync(stoppingToken);
            }

            host.MarkReady(engine);
            LogReady(logger, model.Id, model.Provider.ToString(), batching.Workers, batching.MaxBatchSize, batching.MaxPaddedFrames);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await DisposeAsync(engine);
        }
        catch (ExecutionProviderException e)
        {
            // ExecutionProvider=Cuda is a promise to run on the GPU: a pod that would silently serve from its CPU, or
            // stay up unready, hides the fault. Stop with one line that says why (Program returns a non-zero exit code).
            LogProviderFailed(logger, e.Message);
            host.MarkFailed(e.Message, fatal: true);
            await DisposeAsync(engine);
            lifetime.StopApplication();
        }
        catch (Exception e)
        {
            var reason = e is ModelPackageException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            LogLoadFailed(logger, e, folder);
            host.MarkFailed(reason);
            await DisposeAsync(engine);
        }
    }

    private static async Task DisposeAsync(ScoringEngine? engine)
    {
        if (engine is not null)
        {
            await engine.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loading the model package {Folder}")]
    private static partial void LogLoading(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ready: model {Model} on {Provider}; {Workers} batch workers, batches of up to {MaxBatchSize} requests and {MaxPaddedFrames} padded frames")]
    private static partial void LogReady(ILogger logger, string model, string provider, int workers, int maxBatchSize, int maxPaddedFrames);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Cannot start: {Reason}")]
    private static partial void LogProviderFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The model package {Folder} failed to load; the service stays up but not ready")]
    private static partial void LogLoadFailed(ILogger logger, Exception error, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: no new requests, waiting up to {Seconds} s for {InFlight} admitted ones")]
    private static partial void LogDraining(ILogger logger, int inFlight, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{InFlight} admitted requests were still running after the drain timeout of {Seconds} s")]
    private static partial void LogDrainTimedOut(ILogger logger, int inFlight, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped: every admitted request finished")]
    private static partial void LogStopped(ILogger logger);
}
