using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scraps.Service.Admission;
using Scraps.Service.Configuration;
using Scraps.Service.Telemetry;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.Api;

/// <summary>Admission before work: a request holds its place from before its body is read until its response.</summary>
public sealed class AdmissionTests
{
    private static readonly Dictionary<string, string?> OnePlaceNoQueue = new()
    {
        ["Scraps:Admission:PermitLimit"] = "1",
        ["Scraps:Admission:QueueLimit"] = "0",
        ["Scraps:Batching:Workers"] = "1",
        ["Scraps:Batching:MaxBatchSize"] = "1",
        ["Scraps:Batching:MaxBatchDelay"] = "00:00:00",
    };

    [Fact]
    public async Task A_full_admission_refuses_at_once_with_429_and_retry_after_and_decodes_nothing()
    {
        await using var factory = new ServiceFactory(OnePlaceNoQueue, gated: true);
        var client = await factory.CreateReadyClientAsync();
        var acoustic = factory.Gates.Acoustic!;
        acoustic.Hold = true;
        using var frontEnd = new FrontEndCounter(factory.Services.GetRequiredService<IMeterFactory>());

        var running = client.PostAsync("/v1/embed/acoustic", Requests.Multipart(("audio", TestClips.Tone(0.5))));
        await acoustic.WaitEnteredAsync();
        var decodedBefore = frontEnd.Count;

        using var refused = await client.PostAsync("/v1/score", Requests.Multipart(("audio", TestClips.Speech), ("transcript", "hello")));

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests, "at capacity: 1 requests in progress and 0 waiting");
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(decodedBefore, frontEnd.Count);
        acoustic.Release();
        Assert.Equal(HttpStatusCode.OK, (await running).StatusCode);
        Assert.Equal(decodedBefore, frontEnd.Count);
        acoustic.Hold = false;
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/v1/embed/acoustic", Requests.Multipart(("audio", TestClips.Tone(0.4))))).StatusCode);
        Assert.Equal(decodedBefore + 1, frontEnd.Count);
        Assert.NotNull(problem.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task Model_and_health_are_never_refused_by_admission()
    {
        await using var factory = new ServiceFactory(OnePlaceNoQueue, gated: true);
        var client = await factory.CreateReadyClientAsync();
        var acoustic = factory.Gates.Acoustic!;
        acoustic.Hold = true;
        var running = client.PostAsync("/v1/embed/acoustic", Requests.Multipart(("audio", TestClips.Tone(0.5))));
        await acoustic.WaitEnteredAsync();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/model")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        acoustic.Release();
        await running;
    }

    [Fact]
    public void Retry_after_is_the_backlog_over_the_measured_drain_rate_within_its_bounds()
    {
        var time = new FakeTimeProvider();
        var meter = new DrainRateMeter(time);
        var options = Microsoft.Extensions.Options.Options.Create(new AdmissionOptions { PermitLimit = 8, QueueLimit = 16, MaxRetryAfter = TimeSpan.FromSeconds(30) });
        using var metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var policy = new AdmissionPolicy(options, meter, new AdmissionMetrics(metrics.GetRequiredService<IMeterFactory>()), Microsoft.Extensions.Logging.Abstractions.NullLogger<AdmissionPolicy>.Instance);

        // Nothing measured yet: the permit limit is taken as the drain per second.
        Assert.Equal(TimeSpan.FromSeconds(3), policy.RetryAfter(24));
        // 20 requests finished over 10 s: 2 a second; a backlog of 24 drains in 12 s.
        for (var i = 0; i < 20; i++)
        {
            meter.Completed();
            time.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.Equal(2, meter.RatePerSecond()!.Value, 1);
        Assert.Equal(TimeSpan.FromSeconds(12), policy.RetryAfter(24));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.RetryAfter(0));
        Assert.Equal(TimeSpan.FromSeconds(30), policy.RetryAfter(1000));
        // The window slides: after 10 quiet seconds nothing is measured any more.
        time.Advance(TimeSpan.FromSeconds(11));
        Assert.Null(meter.RatePerSecond());
    }

    /// <summary>Counts front-end recordings (one per clip decoded) of one service instance (its meter factory is the meter's scope).</summary>
    private sealed class FrontEndCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public FrontEndCounter(IMeterFactory scope)
        {
            _listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == FrontEndMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _count));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
