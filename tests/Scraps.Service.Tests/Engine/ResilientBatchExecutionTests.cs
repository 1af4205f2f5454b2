using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly.Registry;
using Scraps.Inference.Batching;
using Scraps.Service.Configuration;
using Scraps.Service.Engine;

namespace Scraps.Service.Tests.Engine;

public sealed class ResilientBatchExecutionTests
{
    [Fact]
    public void Repeated_batch_failures_open_the_circuit_and_later_batches_are_refused_without_running()
    {
        using var provider = Provider(o =>
        {
            o.MinimumThroughput = 2;
            o.FailureRatio = 0.5;
            o.BreakDuration = TimeSpan.FromSeconds(4);
        });
        var guard = provider.GetRequiredService<ResilientBatchExecution>();
        var runs = 0;

        for (var i = 0; i < 2; i++)
        {
            Assert.Throws<InvalidOperationException>(() => guard.Execute<int>(_ => { runs++; throw new InvalidOperationException("graph failed"); }));
        }

        var refused = Assert.Throws<EngineUnavailableException>(() => guard.Execute(_ => ++runs));
        Assert.Equal(2, runs);
        Assert.Contains("resting", refused.Message, StringComparison.Ordinal);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void A_batch_that_overruns_the_timeout_is_cancelled_and_reported_unavailable()
    {
        using var provider = Provider(o => o.BatchTimeout = TimeSpan.FromMilliseconds(50));
        var guard = provider.GetRequiredService<ResilientBatchExecution>();

        var error = Assert.Throws<EngineUnavailableException>(() => guard.Execute(token =>
        {
            token.WaitHandle.WaitOne(TimeSpan.FromSeconds(10));
            token.ThrowIfCancellationRequested();
            return 0;
        }));

        Assert.Contains("longer than the 0.05 s limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_successful_batch_returns_its_result()
    {
        using var provider = Provider(_ => { });

        Assert.Equal(42, provider.GetRequiredService<ResilientBatchExecution>().Execute(_ => 42));
    }

    private static ServiceProvider Provider(Action<ResilienceOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddOptions<ResilienceOptions>().Configure(configure);
        services.AddBatchResilience();
        services.AddSingleton(sp => new ResilientBatchExecution(
            sp.GetRequiredService<ResiliencePipelineProvider<string>>(), sp.GetRequiredService<IOptions<ResilienceOptions>>()));
        return services.BuildServiceProvider();
    }
}
