using System.Net;
using Scraps.Client.Tests.Support;

namespace Scraps.Client.Tests.Http;

/// <summary>
/// The client against a real service whose model failed to load: the service's own 503 (Retry-After 60 s) is
/// longer than the client waits, so it surfaces at once; health probes are answers, never retried.
/// </summary>
public sealed class BrokenServiceTests(BrokenServiceHost service) : IClassFixture<BrokenServiceHost>
{
    [Fact]
    public async Task Readiness_throws_the_services_503_with_its_reason_after_one_attempt()
    {
        using var provider = ClientProvider.For(service);
        var live = await provider.Client.GetLivenessAsync();

        var error = await Assert.ThrowsAsync<ScrapsApiException>(() => provider.Client.GetReadinessAsync());

        Assert.Equal("alive", live.Status);
        Assert.Null(live.Model);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Contains("failed to load", error.Detail, StringComparison.Ordinal);
        Assert.Equal(2, provider.Faults.Attempts.Count);
    }

    [Fact]
    public async Task A_503_whose_retry_after_exceeds_the_clients_limit_is_thrown_at_once_with_that_retry_after()
    {
        using var provider = ClientProvider.For(service, o => o.MaxRetryAfter = TimeSpan.FromSeconds(30));
        var started = DateTime.UtcNow;

        var error = await Assert.ThrowsAsync<ScrapsApiException>(
            () => provider.Client.ScoreAsync(new ScoreRequest { Audio = Clips.Speech, Transcript = "hello" }));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("Service unavailable", error.Title);
        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
        Assert.Single(provider.Faults.Attempts);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }
}
