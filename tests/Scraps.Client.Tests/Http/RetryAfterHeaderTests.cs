using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using Scraps.Client.Http;

namespace Scraps.Client.Tests.Http;

public sealed class RetryAfterHeaderTests
{
    [Fact]
    public void Seconds_are_read_as_a_delay()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "7");

        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfterHeader.Read(response));
    }

    [Fact]
    public void A_date_is_read_as_the_time_left_until_it_and_a_past_date_as_zero()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero));
        using var future = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        future.Headers.RetryAfter = new RetryConditionHeaderValue(clock.GetUtcNow().AddSeconds(42));
        using var past = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        past.Headers.RetryAfter = new RetryConditionHeaderValue(clock.GetUtcNow().AddSeconds(-5));

        Assert.Equal(TimeSpan.FromSeconds(42), RetryAfterHeader.Read(future, clock));
        Assert.Equal(TimeSpan.Zero, RetryAfterHeader.Read(past, clock));
    }

    [Fact]
    public void No_header_or_an_unparsable_one_is_null()
    {
        using var none = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        using var garbage = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        garbage.Headers.TryAddWithoutValidation("Retry-After", "soon");

        Assert.Null(RetryAfterHeader.Read(none));
        Assert.Null(RetryAfterHeader.Read(garbage));
    }
}
