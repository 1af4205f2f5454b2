using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.Telemetry;

/// <summary>docs/metrics.md lists every metric the service exposes; the Grafana dashboard queries only those.</summary>
public sealed partial class MetricsDocumentationTests
{
    private static readonly string Repository = typeof(MetricsDocumentationTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    [Fact]
    public async Task Every_metric_the_service_exposes_is_listed_in_the_docs()
    {
        var exposed = await ExposedFamiliesAsync();
        var documented = await File.ReadAllTextAsync(Path.Combine(Repository, "docs", "metrics.md"));

        var missing = exposed.Where(name => !documented.Contains($"`{name}`", StringComparison.Ordinal)).ToArray();

        Assert.Contains("scraps_requests_total", exposed);
        Assert.True(missing.Length == 0, $"docs/metrics.md does not list {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task The_grafana_dashboard_queries_only_metrics_the_service_exposes()
    {
        var exposed = await ExposedFamiliesAsync();
        var dashboard = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Repository, "deploy", "grafana", "scraps-service.json")))!;
        var expressions = dashboard["panels"]!.AsArray()
            .SelectMany(p => p!["targets"]?.AsArray() ?? [])
            .Select(t => t!["expr"]!.GetValue<string>())
            .ToArray();

        var queried = expressions.SelectMany(e => MetricName().Matches(e).Select(m => Family(m.Value))).ToHashSet(StringComparer.Ordinal);

        Assert.True(expressions.Length >= 15, $"{expressions.Length} queries");
        Assert.Contains("scraps_requests_total", queried);
        Assert.Contains("scraps_frontend_duration_seconds", queried);
        var unknown = queried.Where(name => !exposed.Contains(name)).ToArray();
        Assert.True(unknown.Length == 0, $"the dashboard queries {string.Join(", ", unknown)}, which the service does not expose");
    }

    /// <summary>The metric families of a scrape after a few requests, as Prometheus names them (histograms without _bucket/_sum/_count).</summary>
    private static async Task<HashSet<string>> ExposedFamiliesAsync()
    {
        await using var factory = new ServiceFactory();
        var client = await factory.CreateReadyClientAsync();
        (await client.PostAsync("/v1/score/multipart", Requests.Multipart(("audio", TestClips.Speech), ("transcript", "hello")))).EnsureSuccessStatusCode();
        await client.PostAsync("/v1/score/multipart", Requests.Multipart(("audio", TestClips.Speech[..40]), ("transcript", "hello")));
        var metrics = await client.GetStringAsync("/metrics");
        return TypeLine().Matches(metrics).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
    }

    private static string Family(string series) =>
        Regex.Replace(series, "_(bucket|sum|count)$", string.Empty);

    [GeneratedRegex(@"^# TYPE (?<name>\S+) ", RegexOptions.Multiline)]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"\b(scraps|http|dotnet|aspnetcore|resilience|kestrel)_[a-z0-9_]+")]
    private static partial Regex MetricName();
}
