using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Scraps.Client.Http;

namespace Scraps.Client.Tests.Http;

public sealed class ProblemReaderTests
{
    [Fact]
    public async Task Problem_details_are_read_with_their_extensions_and_the_retry_after()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            Content = new StringContent(
                """{"type":"https://tools.ietf.org/html/rfc6585#section-4","title":"Too many requests","status":429,"detail":"the acoustic queue is full (256 requests waiting)","traceId":"00-abc-01"}""",
                Encoding.UTF8,
                "application/problem+json"),
        };
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2));

        var error = await ProblemReader.ReadAsync("POST v1/score", response, CancellationToken.None);

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal("Too many requests", error.Title);
        Assert.Equal("the acoustic queue is full (256 requests waiting)", error.Detail);
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-4", error.Problem.Type);
        Assert.Equal("00-abc-01", error.Problem.Extensions!["traceId"].GetString());
        Assert.Equal(TimeSpan.FromSeconds(2), error.RetryAfter);
    }

    [Fact]
    public async Task A_body_that_is_not_problem_details_becomes_the_detail_under_the_reason_phrase()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            ReasonPhrase = "Bad Gateway",
            Content = new StringContent("upstream connect error", Encoding.UTF8, "text/plain"),
        };

        var error = await ProblemReader.ReadAsync("GET v1/model", response, CancellationToken.None);

        Assert.Equal(502, error.Problem.Status);
        Assert.Equal("Bad Gateway", error.Title);
        Assert.Equal("upstream connect error", error.Detail);
        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task Malformed_problem_json_and_long_bodies_still_give_a_bounded_detail()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.InternalServerError)
        {
            Content = new StringContent("{\"title\": " + new string('x', 5000), Encoding.UTF8, "application/problem+json"),
        };

        var error = await ProblemReader.ReadAsync("GET v1/model", response, CancellationToken.None);

        Assert.Equal(500, error.Problem.Status);
        Assert.EndsWith("...", error.Detail, StringComparison.Ordinal);
        Assert.True(error.Detail!.Length <= 1003);
    }

    [Fact]
    public async Task A_problem_without_status_gets_the_responses()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Conflict)
        {
            Content = new StringContent("""{"title":"Conflict","detail":"busy"}""", Encoding.UTF8, "application/problem+json"),
        };

        var error = await ProblemReader.ReadAsync("POST v1/compare", response, CancellationToken.None);

        Assert.Equal(409, error.Problem.Status);
        Assert.Equal("busy", error.Detail);
    }
}
