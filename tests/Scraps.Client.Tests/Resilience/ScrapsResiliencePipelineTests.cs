using System.Net;
using Polly.CircuitBreaker;
using Scraps.Client.Tests.Support;

namespace Scraps.Client.Tests.Resilience;

/// <summary>
/// The pipeline in front of the real service: faults are injected between the pipeline and the service (so each
/// attempt is seen), and the attempt that gets through is answered by the service itself.
/// </summary>
public sealed class ScrapsResiliencePipelineTests(ReadyService service) : IClassFixture<ReadyService>
{
    private static readonly ScoreRequest Request = new() { Audio = Clips.Speech, Transcript = "Hello there." };

    [Fact]
    public async Task A_429_is_retried_after_its_retry_after_and_the_retry_is_scored_by_the_service()
    {
        using var provider = ClientProvider.For(service);
        provider.Faults.Respond(HttpStatusCode.TooManyRequests, retryAfterSeconds: 1, detail: "the acoustic queue is full");

        var result = await provider.Client.ScoreAsync(Request);

        Assert.Equal("service-test@0.1.0", result.Model);
        var attempts = provider.Faults.Attempts.ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.All(attempts, a => Assert.Equal("/v1/score", a.Path));
        // The backoff alone would wait about 10 ms: the gap is the server's Retry-After.
        Assert.InRange(attempts[1].At - attempts[0].At, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_503_without_retry_after_is_retried_with_the_backoff()
    {
        using var provider = ClientProvider.For(service);
        provider.Faults.Respond(HttpStatusCode.ServiceUnavailable, retryAfterSeconds: null).Respond(HttpStatusCode.ServiceUnavailable, retryAfterSeconds: null);

        var result = await provider.Client.EmbedPhoneticAsync(new PhoneticEmbeddingRequest { Transcript = "hello" });

        Assert.NotEmpty(result.Embedding);
        Assert.Equal(3, provider.Faults.Attempts.Count);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_attempts_and_the_last_problem_is_thrown()
    {
        using var provider = ClientProvider.For(service, o => o.MaxRetryAttempts = 2);
        for (var i = 0; i < 3; i++)
        {
            provider.Faults.Respond(HttpStatusCode.TooManyRequests, retryAfterSeconds: null, detail: $"full {i}");
        }

        var error = await Assert.ThrowsAsync<ScrapsApiException>(() => provider.Client.ScoreAsync(Request));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal("full 2", error.Detail);
        Assert.Equal(3, provider.Faults.Attempts.Count);
    }

    [Fact]
    public async Task A_429_asking_for_longer_than_max_retry_after_is_thrown_at_once()
    {
        using var provider = ClientProvider.For(service, o => o.MaxRetryAfter = TimeSpan.FromSeconds(5));
        provider.Faults.Respond(HttpStatusCode.TooManyRequests, retryAfterSeconds: 120);

        var error = await Assert.ThrowsAsync<ScrapsApiException>(() => provider.Client.ScoreAsync(Request));

        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Single(provider.Faults.Attempts);
    }

    [Fact]
    public async Task An_attempt_that_stalls_past_the_attempt_timeout_is_abandoned_and_retried()
    {
        using var provider = ClientProvider.For(service, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        provider.Faults.Stall();

        var model = await provider.Client.GetModelAsync();

        Assert.Equal("service-test", model.Name);
        var attempts = provider.Faults.Attempts.ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(280));
    }

    [Fact]
    public async Task Server_errors_open_the_circuit_and_then_calls_fail_fast_without_reaching_the_service()
    {
        using var provider = ClientProvider.For(service, o =>
        {
            o.MinimumThroughput = 2;
            o.FailureRatio = 0.5;
            o.BreakDuration = TimeSpan.FromSeconds(30);
        });
        provider.Faults.Respond(HttpStatusCode.InternalServerError, null).Respond(HttpStatusCode.InternalServerError, null);

        var first = await Assert.ThrowsAsync<ScrapsApiException>(() => provider.Client.GetModelAsync());
        var second = await Assert.ThrowsAsync<ScrapsApiException>(() => provider.Client.GetModelAsync());
        await Assert.ThrowsAsync<BrokenCircuitException>(() => provider.Client.GetModelAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
        Assert.Equal(2, provider.Faults.Attempts.Count); // 500 is not retried; the third call never left the client
    }

    [Fact]
    public async Task Probe_answers_are_not_counted_by_the_circuit_breaker()
    {
        using var provider = ClientProvider.For(service, o => o.MinimumThroughput = 2);
        for (var i = 0; i < 3; i++)
        {
            provider.Faults.Respond(HttpStatusCode.ServiceUnavailable, retryAfterSeconds: 1, detail: "the model is loading");
        }

        for (var i = 0; i < 3; i++)
        {
            var error = await Assert.ThrowsAsync<ScrapsApiException>(() => provider.Client.GetReadinessAsync());
            Assert.Equal("the model is loading", error.Detail);
        }

        Assert.Equal("ready", (await provider.Client.GetReadinessAsync()).Status);
        Assert.Equal(4, provider.Faults.Attempts.Count);
    }
}
