using Scraps.Service.Engine;
using Scraps.Service.Errors;

namespace Scraps.Service.Hosting;

/// <summary>
/// Holds the served engine and decides admission: requests are admitted only while the engine is ready, and
/// counted, so that shutdown can stop admitting and then wait for every admitted request to finish.
/// </summary>
internal sealed class EngineHost
{
    private static readonly TimeSpan LoadingRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FailedRetry = TimeSpan.FromSeconds(60);

    /// <summary>While shutting down: long enough that a client does not come back before this process is gone.</summary>
    private static readonly TimeSpan StoppingRetry = TimeSpan.FromSeconds(10);

    private readonly object _gate = new();
    private ScoringEngine? _engine;
    private string? _failure;
    private int _inFlight;
    private TaskCompletionSource? _drained;

    /// <summary>The process's exit code when it stopped because the model could not be served as configured.</summary>
    public const int FatalExitCode = 3;

    public EngineStatus Status { get; private set; } = EngineStatus.Loading;

    /// <summary>0, or <see cref="FatalExitCode"/> after a fatal failure: what the process should exit with.</summary>
    public int ExitCode { get; private set; }

    /// <summary>The engine, once loaded (still set while stopping, until the last admitted request ends).</summary>
    public ScoringEngine? Engine => Volatile.Read(ref _engine);

    /// <summary>Admitted requests that have not finished.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Why the model could not be served, once that happened (kept while stopping).</summary>
    public string? Failure
    {
        get
        {
            lock (_gate)
            {
                return _failure;
            }
        }
    }

    /// <summary>Why the service is not ready, for 503 details and the readiness probe.</summary>
    public string NotReadyReason => Status switch
    {
        EngineStatus.Loading => "the model is loading",
        EngineStatus.Failed => $"the model failed to load: {_failure}",
        EngineStatus.Stopping => "the service is shutting down",
        _ => "ready",
    };

    /// <summary>When a refused client should try again.</summary>
    public TimeSpan RetryAfter => Status switch
    {
        EngineStatus.Failed => FailedRetry,
        EngineStatus.Stopping => StoppingRetry,
        _ => LoadingRetry,
    };

    public void MarkReady(ScoringEngine engine)
    {
        lock (_gate)
        {
            if (Status == EngineStatus.Loading)
            {
                Volatile.Write(ref _engine, engine);
                Status = EngineStatus.Ready;
            }
        }
    }

    /// <summary>
    /// The model could not be served. <paramref name="fatal"/>: the process is stopping because of it (CUDA required but
    /// unavailable), so its exit code says so (<see cref="ExitCode"/>).
    /// </summary>
    public void MarkFailed(string reason, bool fatal = false)
    {
        lock (_gate)
        {
            _failure = reason;
            if (fatal)
            {
                ExitCode = FatalExitCode;
            }

            if (Status == EngineStatus.Loading)
            {
                Status = EngineStatus.Failed;
            }
        }
    }

    /// <summary>Stops admitting: from now on requests get 503.</summary>
    public void BeginStopping()
    {
        lock (_gate)
        {
            Status = EngineStatus.Stopping;
        }
    }

    /// <summary>
    /// Admits one request, or explains (503) why not: the lease counts it as in flight until disposed, so shutdown
    /// waits for it. While stopping, the 503 asks the client to close its connection.
    /// </summary>
    /// <exception cref="ServiceUnavailableException">Not ready.</exception>
    public AdmissionLease Admit()
    {
        lock (_gate)
        {
            if (Status != EngineStatus.Ready || _engine is null)
            {
                throw new ServiceUnavailableException(NotReadyReason, RetryAfter, closeConnection: Status == EngineStatus.Stopping);
            }

            _inFlight++;
            return new AdmissionLease(this, _engine);
        }
    }

    /// <summary>Ends one admitted request (its <see cref="AdmissionLease"/> calls it once).</summary>
    internal void Leave()
    {
        lock (_gate)
        {
            _inFlight--;
            if (_inFlight == 0)
            {
                _drained?.TrySetResult();
            }
        }
    }

    /// <summary>Completes when no admitted request is left (call after <see cref="BeginStopping"/>).</summary>
    public Task WaitForInFlightAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_inFlight == 0)
            {
                return Task.CompletedTask;
            }

            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _drained.Task.WaitAsync(cancellationToken);
        }
    }
}

/// <summary>One admitted request's hold on the engine; disposing it ends the request (once).</summary>
internal sealed class AdmissionLease : IDisposable
{
    private EngineHost? _host;

    internal AdmissionLease(EngineHost host, ScoringEngine engine)
    {
        _host = host;
        Engine = engine;
    }

    /// <summary>The engine the request was admitted to: ready, and kept until the lease ends (shutdown waits for it).</summary>
    public ScoringEngine Engine { get; }

    public void Dispose() => Interlocked.Exchange(ref _host, null)?.Leave();
}
