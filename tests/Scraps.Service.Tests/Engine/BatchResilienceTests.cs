using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Testing;
using Polly.Timeout;
using Scraps.Service.Configuration;
using Scraps.Service.Engine;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.Engine;

public sealed class BatchResilienceTests
{
    [Fact]
    public void The_batch_pipeline_is_a_circuit_breaker_over_a_timeout_with_the_configured_values()
    {
        var services = new ServiceCollection();
        services.AddOptions<ResilienceOptions>().Configure(o =>
        {
            o.BatchTimeout = TimeSpan.FromSeconds(3);
            o.FailureRatio = 0.25;
            o.MinimumThroughput = 4;
            o.SamplingDuration = TimeSpan.FromSeconds(20);
            o.BreakDuration = TimeSpan.FromSeconds(9);
        });
        services.AddBatchResilience();
        using var provider = services.BuildServiceProvider();

        var descriptor = provider.GetRequiredService<ResiliencePipelineProvider<string>>()
            .GetPipeline(BatchResilience.PipelineName).GetPipelineDescriptor();

        Assert.Equal(2, descriptor.Strategies.Count);
        var breaker = Assert.IsType<CircuitBreakerStrategyOptions>(descriptor.Strategies[0].Options);
        Assert.Equal(0.25, breaker.FailureRatio);
        Assert.Equal(4, breaker.MinimumThroughput);
        Assert.Equal(TimeSpan.FromSeconds(20), breaker.SamplingDuration);
        Assert.Equal(TimeSpan.FromSeconds(9), breaker.BreakDuration);
        var timeout = Assert.IsType<TimeoutStrategyOptions>(descriptor.Strategies[1].Options);
        Assert.Equal(TimeSpan.FromSeconds(3), timeout.Timeout);
    }

    [Fact]
    public async Task The_service_builds_the_pipeline_once_from_configuration()
    {
        await using var factory = new ServiceFactory(new Dictionary<string, string?> { ["Scraps:Resilience:BatchTimeout"] = "00:00:07" });
        var pipelines = factory.Services.GetRequiredService<ResiliencePipelineProvider<string>>();

        var descriptor = pipelines.GetPipeline(BatchResilience.PipelineName).GetPipelineDescriptor();

        Assert.Same(pipelines.GetPipeline(BatchResilience.PipelineName), pipelines.GetPipeline(BatchResilience.PipelineName));
        Assert.Equal(TimeSpan.FromSeconds(7), Assert.IsType<TimeoutStrategyOptions>(descriptor.Strategies[1].Options).Timeout);
    }
}
