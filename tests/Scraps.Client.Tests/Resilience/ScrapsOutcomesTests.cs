using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.Timeout;
using Scraps.Client.Http;
using Scraps.Client.Resilience;

namespace Scraps.Client.Tests.Resilience;

public sealed class ScrapsOutcomesTests
{
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(429, null, true, false)]
    [InlineData(429, 30, true, false)]
    [InlineData(429, 31, false, false)]
    [InlineData(503, null, true, true)]
    [InlineData(503, 60, false, true)]
    [InlineData(500, null, false, true)]
    [InlineData(502, null, false, true)]
    [InlineData(400, null, false, false)]
    [InlineData(422, null, false, false)]
    [InlineData(200, null, false, false)]
    public void Answers_are_retried_and_counted_by_status_and_retry_after(int status, int? retryAfterSeconds, bool retried, bool failure)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://scraps.test/v1/score");
        using var response = new HttpResponseMessage((HttpStatusCode)status) { RequestMessage = request };
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        var context = Context(request);

        Assert.Equal(retried, ScrapsOutcomes.ShouldRetry(Outcome.FromResult(response), context, MaxRetryAfter));
        Assert.Equal(failure, ScrapsOutcomes.IsFailure(Outcome.FromResult(response), context));
    }

    [Fact]
    public void Transport_errors_and_attempt_timeouts_are_retried_and_counted_but_caller_cancellation_is_not()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://scraps.test/v1/model");
        var context = Context(request);

        foreach (var error in new Exception[] { new HttpRequestException("connection refused"), new TimeoutRejectedException() })
        {
            Assert.True(ScrapsOutcomes.ShouldRetry(Outcome.FromException<HttpResponseMessage>(error), context, MaxRetryAfter));
            Assert.True(ScrapsOutcomes.IsFailure(Outcome.FromException<HttpResponseMessage>(error), context));
        }

        var cancelled = Outcome.FromException<HttpResponseMessage>(new OperationCanceledException());
        Assert.False(ScrapsOutcomes.ShouldRetry(cancelled, context, MaxRetryAfter));
        Assert.False(ScrapsOutcomes.IsFailure(cancelled, context));
    }

    [Fact]
    public void Health_probes_are_never_retried_nor_counted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://scraps.test/health/ready");
        request.Options.Set(ScrapsRequestOptions.NoRetry, true);
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request };
        var context = Context(request);

        Assert.False(ScrapsOutcomes.ShouldRetry(Outcome.FromResult(response), context, MaxRetryAfter));
        Assert.False(ScrapsOutcomes.IsFailure(Outcome.FromResult(response), context));
        Assert.False(ScrapsOutcomes.IsFailure(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("down")), context));
    }

    private static ResilienceContext Context(HttpRequestMessage request)
    {
        var context = ResilienceContextPool.Shared.Get();
        context.SetRequestMessage(request);
        return context;
    }
}
