using System.Net;
using System.Text.Json;

namespace Scraps.Service.Tests.Support;

/// <summary>Checks that a response is RFC 7807 ProblemDetails with the expected status and a useful detail.</summary>
internal static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        var detail = problem.GetProperty("detail").GetString();
        Assert.True(detail?.Contains(detailContains, StringComparison.OrdinalIgnoreCase) == true, $"detail '{detail}' lacks '{detailContains}'");
        return problem;
    }
}
