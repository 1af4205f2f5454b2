using System.Net;
using System.Text.RegularExpressions;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.Telemetry;

/// <summary>scraps_requests_total and scraps_request_duration_seconds, per model operation and outcome.</summary>
[Collection(PrometheusScrapeCollection.Name)]
public sealed partial class RequestMetricsTests
{
    [Fact]
    public async Task Every_operation_outcome_and_batcher_counter_is_exposed_at_zero_before_the_first_request()
    {
        await using var factory = new ServiceFactory();
        var client = await factory.CreateReadyClientAsync();

        var metrics = await client.GetStringAsync("/metrics");

        foreach (var operation in new[] { "score", "rank", "score_matrix", "compare", "embed_acoustic", "embed_phonetic" })
        {
            foreach (var outcome in new[] { "ok", "bad_request", "timeout", "too_large", "unsupported", "unprocessable", "rejected", "unavailable", "cancelled", "error" })
            {
                Assert.Equal(0, Value(metrics, "scraps_requests_total", ("operation", operation), ("outcome", outcome)));
            }
        }

        foreach (var encoder in new[] { "acoustic", "phonetic" })
        {
            Assert.Equal(0, Value(metrics, "scraps_batching_rejections_total", ("encoder", encoder), ("reason", "queue_full")));
            Assert.Equal(0, Value(metrics, "scraps_batching_rejections_total", ("encoder", encoder), ("reason", "stopping")));
            Assert.Equal(0, Value(metrics, "scraps_batching_cancellations_total", ("encoder", encoder)));
            Assert.Equal(0, Value(metrics, "scraps_batching_batch_failures_total", ("encoder", encoder), ("reason", "unavailable")));
            Assert.Equal(0, Value(metrics, "scraps_batching_batch_failures_total", ("encoder", encoder), ("reason", "error")));
        }
    }

    [Fact]
    public async Task Requests_count_per_operation_and_outcome_whatever_the_body_kind_with_durations_in_seconds()
    {
        await using var factory = new ServiceFactory();
        var client = await factory.CreateReadyClientAsync();
        var speech = Convert.ToBase64String(TestClips.Speech);

        (await client.PostAsync("/v1/score", Requests.Json(new { audio = speech, transcript = "hello" }))).EnsureSuccessStatusCode();
        (await client.PostAsync("/v1/score/multipart", Requests.Multipart(("audio", TestClips.Speech), ("transcript", "hello")))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/v1/score", Requests.Json(new { transcript = "hello" }))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostAsync("/v1/embed/phonetic", Requests.Json(new { transcript = "   " }))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.PostAsync("/v1/rank/multipart", Requests.Json(new { audio = speech }))).StatusCode);
        var metrics = await ScrapeAfterAsync(client, "scraps_requests_total", 5);

        Assert.Equal(2, Value(metrics, "scraps_requests_total", ("operation", "score"), ("outcome", "ok")));
        Assert.Equal(1, Value(metrics, "scraps_requests_total", ("operation", "score"), ("outcome", "bad_request")));
        Assert.Equal(1, Value(metrics, "scraps_requests_total", ("operation", "embed_phonetic"), ("outcome", "unprocessable")));
        Assert.Equal(1, Value(metrics, "scraps_requests_total", ("operation", "rank"), ("outcome", "unsupported")));
        Assert.Equal(2, Value(metrics, "scraps_request_duration_seconds_count", ("operation", "score"), ("outcome", "ok")));
        var seconds = Value(metrics, "scraps_request_duration_seconds_sum", ("operation", "score"), ("outcome", "ok"));
        Assert.InRange(seconds, 1e-4, 60);
    }

    [Fact]
    public async Task A_request_refused_by_admission_counts_as_rejected()
    {
        await using var factory = new ServiceFactory(
            new Dictionary<string, string?> { ["Scraps:Admission:PermitLimit"] = "1", ["Scraps:Admission:QueueLimit"] = "0" }, gated: true);
        var client = await factory.CreateReadyClientAsync();
        var acoustic = factory.Gates.Acoustic!;
        acoustic.Hold = true;
        var running = client.PostAsync("/v1/embed/acoustic/multipart", Requests.Multipart(("audio", TestClips.Tone(0.5))));
        await acoustic.WaitEnteredAsync();

        using var refused = await client.PostAsync("/v1/compare/multipart", Requests.Multipart(("audio", TestClips.Speech), ("reference", TestClips.Speech)));
        acoustic.Hold = false;
        acoustic.Release();
        (await running).EnsureSuccessStatusCode();
        var metrics = await ScrapeAfterAsync(client, "scraps_requests_total", 2);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(1, Value(metrics, "scraps_requests_total", ("operation", "compare"), ("outcome", "rejected")));
        Assert.Equal(1, Value(metrics, "scraps_requests_total", ("operation", "embed_acoustic"), ("outcome", "ok")));
    }

    [Fact]
    public async Task No_duration_is_exported_in_milliseconds()
    {
        await using var factory = new ServiceFactory();
        var client = await factory.CreateReadyClientAsync();
        (await client.PostAsync("/v1/embed/phonetic", Requests.Json(new { transcript = "hello" }))).EnsureSuccessStatusCode();

        var metrics = await client.GetStringAsync("/metrics");

        Assert.DoesNotContain("milliseconds", metrics, StringComparison.Ordinal);
        Assert.Contains("scraps_batching_inference_duration_seconds_count", metrics, StringComparison.Ordinal);
    }

    /// <summary>The value of the one sample of <paramref name="name"/> with these labels (others, e.g. otel_scope_name, may be present).</summary>
    internal static double Value(string metrics, string name, params (string Label, string Value)[] labels)
    {
        var matches = Sample().Matches(metrics)
            .Where(m => m.Groups["name"].Value == name)
            .Where(m => labels.All(l => m.Groups["labels"].Value.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)))
            .ToArray();
        Assert.True(matches.Length == 1, $"{matches.Length} samples of {name} with {string.Join(", ", labels)}");
        return double.Parse(matches[0].Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The outcome is recorded when the response has completed, just after the client has it: wait for the counts.</summary>
    private static async Task<string> ScrapeAfterAsync(HttpClient client, string counter, double total)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var metrics = await client.GetStringAsync("/metrics");
            var sum = Sample().Matches(metrics).Where(m => m.Groups["name"].Value == counter)
                .Sum(m => double.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));
            if (sum >= total || DateTime.UtcNow > deadline)
            {
                return metrics;
            }

            await Task.Delay(20);
        }
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
