using System.Net;

namespace Scraps.Client.Tests;

public sealed class ScrapsApiExceptionTests
{
    [Fact]
    public void The_message_says_which_request_failed_how_and_why()
    {
        var problem = new ScrapsProblem { Status = 422, Title = "Input cannot be scored", Detail = "'audio' is 50 ms long" };

        var error = new ScrapsApiException("POST v1/score", HttpStatusCode.UnprocessableEntity, problem, TimeSpan.FromSeconds(3));

        Assert.Equal("POST v1/score failed with 422 Input cannot be scored: 'audio' is 50 ms long", error.Message);
        Assert.Equal("Input cannot be scored", error.Title);
        Assert.Equal("'audio' is 50 ms long", error.Detail);
        Assert.Equal(TimeSpan.FromSeconds(3), error.RetryAfter);
        Assert.Same(problem, error.Problem);
    }

    [Fact]
    public void A_problem_without_title_or_detail_still_reads()
    {
        var error = new ScrapsApiException("GET v1/model", HttpStatusCode.BadGateway, new ScrapsProblem());

        Assert.Equal("GET v1/model failed with 502 BadGateway: (no detail)", error.Message);
    }
}
