namespace Scraps.Service.Tests.Support;

/// <summary>
/// Tests that read values from /metrics run alone: OpenTelemetry's exporter listens to meters by name across the
/// process, so a test host running beside them in parallel adds its requests and its own scraps_model_info line.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PrometheusScrapeCollection
{
    public const string Name = "prometheus scrape";
}
