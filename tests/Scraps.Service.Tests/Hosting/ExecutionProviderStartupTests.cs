using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scraps.Service.Hosting;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.Hosting;

/// <summary>
/// ExecutionProvider=Cuda on a machine where CUDA cannot run (every test machine: the CPU build has no CUDA provider,
/// the GPU build finds no CUDA libraries or GPU): the service stops with the reason instead of serving from the CPU.
/// </summary>
public sealed class ExecutionProviderStartupTests
{
    [Fact]
    public async Task Cuda_that_cannot_run_stops_the_service_with_the_reason_and_a_failing_exit_code()
    {
        // The load is held until the in-memory host has started, so that the service stops itself from a running state.
        await using var factory = new ServiceFactory(new Dictionary<string, string?> { ["Scraps:Inference:ExecutionProvider"] = "Cuda" }, gated: true, holdLoading: true);
        var client = factory.CreateClient();
        var host = factory.Services.GetRequiredService<EngineHost>();
        var lifetime = factory.Services.GetRequiredService<IHostApplicationLifetime>();

        factory.Gates.FinishLoading();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (host.ExitCode == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(EngineHost.FatalExitCode, host.ExitCode);
        Assert.Contains("ExecutionProvider is Cuda, but ", host.Failure, StringComparison.Ordinal);
        Assert.True(lifetime.ApplicationStopping.WaitHandle.WaitOne(TimeSpan.FromSeconds(10)), "the service did not stop itself");
    }

    [Fact]
    public async Task Cpu_serves_and_says_it_was_asked_for()
    {
        await using var factory = new ServiceFactory(new Dictionary<string, string?> { ["Scraps:Inference:ExecutionProvider"] = "Cpu" });
        var client = await factory.CreateReadyClientAsync();

        var ready = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(client, "/health/ready");

        Assert.Equal("cpu", ready.GetProperty("provider").GetString());
        Assert.Equal("requested", ready.GetProperty("providerReason").GetString());
    }
}
