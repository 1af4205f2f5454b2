using System.Net;
using System.Net.Http.Headers;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.Api;

/// <summary>API keys: off by default; when configured, every /v1 call needs one, health and metrics stay open.</summary>
public sealed class ApiKeyTests : IDisposable
{
    private const string KeyA = "test-key-alpha-0123456789";
    private const string KeyB = "test-key-bravo-9876543210";

    private readonly string _keysFile = Path.Combine(Path.GetTempPath(), $"scraps-keys-{Guid.NewGuid():N}.txt");

    public ApiKeyTests() => File.WriteAllText(_keysFile, $"# the service's keys\n{KeyA}\n\n{KeyB}\n");

    public void Dispose() => File.Delete(_keysFile);

    private ServiceFactory WithKeys() => new(new Dictionary<string, string?> { ["Scraps:ApiKeys:KeysFile"] = _keysFile });

    private static HttpRequestMessage Score(string? key, string path = "/v1/score")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Requests.Multipart(("audio", TestClips.Speech), ("transcript", "hello")) };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return request;
    }

    [Fact]
    public async Task Without_keys_configured_no_key_is_asked_for()
    {
        await using var factory = new ServiceFactory();
        var client = await factory.CreateReadyClientAsync();

        using var response = await client.SendAsync(Score(null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Every_v1_call_without_a_valid_key_is_a_401_problem_and_with_one_a_200()
    {
        await using var factory = WithKeys();
        var client = await factory.CreateReadyClientAsync();

        using var none = await client.SendAsync(Score(null));
        await ProblemAssert.IsProblemAsync(none, HttpStatusCode.Unauthorized, "needs an API key");
        Assert.Contains("Bearer", none.Headers.WwwAuthenticate.ToString());
        using var wrong = await client.SendAsync(Score("test-key-charlie-000000000"));
        await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Unauthorized, "not valid");
        Assert.Contains("invalid_token", wrong.Headers.WwwAuthenticate.ToString());
        using var otherScheme = new HttpRequestMessage(HttpMethod.Get, "/v1/model");
        otherScheme.Headers.Authorization = new AuthenticationHeaderValue("Basic", KeyA);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(otherScheme)).StatusCode);
        using var model = new HttpRequestMessage(HttpMethod.Get, "/v1/model");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(model)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Score(KeyA))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Score(KeyB))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task A_key_in_the_query_string_is_refused_even_when_valid()
    {
        await using var factory = WithKeys();
        var client = await factory.CreateReadyClientAsync();

        using var response = await client.SendAsync(Score(null, $"/v1/score?api_key={KeyA}"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "may not travel in the URL");
        Assert.DoesNotContain(KeyA, problem.ToString());
    }

    [Fact]
    public async Task Keys_rotate_by_editing_the_file_without_a_restart()
    {
        await using var factory = WithKeys();
        var client = await factory.CreateReadyClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Score(KeyA))).StatusCode);

        const string next = "test-key-delta-5555555555";
        File.WriteAllText(_keysFile, $"{KeyB}\n{next}\n");
        File.SetLastWriteTimeUtc(_keysFile, DateTime.UtcNow.AddSeconds(5));
        await Task.Delay(TimeSpan.FromSeconds(2.2));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Score(KeyA))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Score(next))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Score(KeyB))).StatusCode);
    }

    [Fact]
    public async Task Keys_never_appear_in_the_logs()
    {
        var logs = new List<string>();
        await using var factory = new ServiceFactory(new Dictionary<string, string?>
        {
            ["Scraps:ApiKeys:KeysFile"] = _keysFile,
            ["Logging:LogLevel:Default"] = "Trace",
        });
        factory.CaptureLogs(logs);
        var client = await factory.CreateReadyClientAsync();

        await client.SendAsync(Score(KeyA));
        await client.SendAsync(Score("test-key-charlie-000000000"));
        await client.SendAsync(Score(null, $"/v1/score?key={KeyB}"));

        Assert.NotEmpty(logs);
        Assert.DoesNotContain(logs, line => line.Contains(KeyA, StringComparison.Ordinal) || line.Contains("test-key-charlie", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_short_key_or_a_missing_keys_file_stops_the_service_at_start()
    {
        await using var shortKey = new ServiceFactory(new Dictionary<string, string?> { ["Scraps:ApiKeys:Keys:0"] = "short" });
        var error = await Assert.ThrowsAnyAsync<Exception>(() => shortKey.CreateReadyClientAsync());
        Assert.Contains("at least 16 characters", error.ToString());
        Assert.DoesNotContain("\"short\"", error.Message);

        await using var missing = new ServiceFactory(new Dictionary<string, string?> { ["Scraps:ApiKeys:KeysFile"] = "/no/such/keys.txt" });
        Assert.Contains("does not exist", (await Assert.ThrowsAnyAsync<Exception>(() => missing.CreateReadyClientAsync())).ToString());
    }
}
