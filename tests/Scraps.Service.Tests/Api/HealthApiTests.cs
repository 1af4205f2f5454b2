using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.Api;

public sealed class HealthApiTests
{
    [Fact]
    public async Task Live_and_ready_are_200_once_the_model_is_loaded_and_warm()
    {
        await using var factory = new ServiceFactory();
        var client = await factory.CreateReadyClientAsync();

        var live = await client.GetFromJsonAsync<JsonElement>("/health/live");
        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready");

        Assert.Equal("alive", live.GetProperty("status").GetString());
        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.Equal("service-test@0.1.0", ready.GetProperty("model").GetString());
        // Auto (the default) on a machine without a usable GPU: CPU, and why.
        Assert.Equal("cpu", ready.GetProperty("provider").GetString());
        Assert.StartsWith("auto: ", ready.GetProperty("providerReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_the_model_loads_ready_and_v1_are_503_and_live_is_200()
    {
        await using var factory = new ServiceFactory(null, gated: true, holdLoading: true);
        var client = factory.CreateClient();

        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");
        using var score = await client.PostAsync("/v1/score", Requests.Json(new { audio = "AAAA", transcript = "hi" }));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        await ProblemAssert.IsProblemAsync(ready, HttpStatusCode.ServiceUnavailable, "the model is loading");
        await ProblemAssert.IsProblemAsync(score, HttpStatusCode.ServiceUnavailable, "the model is loading");
        Assert.Equal("5", score.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));

        factory.Gates.FinishLoading();
        await factory.CreateReadyClientAsync();
    }

    [Fact]
    public async Task A_model_that_fails_to_load_keeps_the_service_alive_but_not_ready_with_the_reason()
    {
        var missing = Path.Combine(Path.GetTempPath(), "scraps-no-such-model-" + Guid.NewGuid().ToString("N"));
        await using var factory = new ServiceFactory(null, modelPath: missing);
        var client = factory.CreateClient();

        HttpResponseMessage ready;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            ready = await client.GetAsync("/health/ready");
            var text = await ready.Content.ReadAsStringAsync();
            if (text.Contains("failed to load", StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(20);
        }
        while (true);

        await ProblemAssert.IsProblemAsync(ready, HttpStatusCode.ServiceUnavailable, "the model failed to load");
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/v1/model"), HttpStatusCode.ServiceUnavailable, missing);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}
