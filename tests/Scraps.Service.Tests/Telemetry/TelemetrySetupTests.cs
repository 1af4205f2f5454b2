using System.Net;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.Telemetry;

[Collection(PrometheusScrapeCollection.Name)]
public sealed class TelemetrySetupTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Metrics_expose_http_and_batching_instruments_in_prometheus_names()
    {
        var client = await factory.CreateReadyClientAsync();
        using var scored = await client.PostAsync("/v1/score", Requests.Multipart(("audio", TestClips.Tone(0.5)), ("transcript", "hello")));
        using var refused = await client.PostAsync("/v1/score", Requests.Multipart(("transcript", "hello")));
        Assert.Equal(HttpStatusCode.OK, scored.StatusCode);

        var metrics = await client.GetStringAsync("/metrics");

        Assert.Contains("http_server_request_duration_seconds_count{", metrics, StringComparison.Ordinal);
        Assert.Matches("http_server_request_duration_seconds_count\\{[^}]*http_response_status_code=\"400\"[^}]*http_route=\"/v1/score\"", metrics);
        Assert.Contains("scraps_batching_batch_size_bucket{", metrics, StringComparison.Ordinal);
        Assert.Contains("scraps_batching_batch_padding_ratio_bucket{", metrics, StringComparison.Ordinal);
        Assert.Contains("scraps_batching_queue_duration_seconds_bucket{", metrics, StringComparison.Ordinal);
        Assert.Contains("scraps_batching_inference_duration_seconds_bucket{", metrics, StringComparison.Ordinal);
        Assert.Contains("scraps_batching_queue_depth{", metrics, StringComparison.Ordinal);
        Assert.Contains("encoder=\"acoustic\"", metrics, StringComparison.Ordinal);
        Assert.Contains("encoder=\"phonetic\"", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Model_info_names_the_served_model_and_the_provider_it_runs_on()
    {
        var client = await factory.CreateReadyClientAsync();

        var metrics = await client.GetStringAsync("/metrics");

        // OpenTelemetry listens to meters by name process-wide: other test hosts alive in this process add their own line.
        var info = Assert.Single(metrics.Split('\n'), line => line.StartsWith("scraps_model_info{", StringComparison.Ordinal)
            && line.Contains("name=\"service-test\"", StringComparison.Ordinal));
        Assert.Contains("version=\"0.1.0\"", info, StringComparison.Ordinal);
        Assert.Contains("provider=\"cpu\"", info, StringComparison.Ordinal);
        Assert.Equal("1", info[(info.LastIndexOf('}') + 2)..].Split(' ')[0]);
    }
}
