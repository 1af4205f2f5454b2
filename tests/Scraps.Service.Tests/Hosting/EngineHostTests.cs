using Scraps.Service.Errors;
using Scraps.Service.Hosting;

namespace Scraps.Service.Tests.Hosting;

public sealed class EngineHostTests
{
    [Fact]
    public void Nothing_is_admitted_while_loading_or_after_a_failed_load()
    {
        var host = new EngineHost();

        var loading = Assert.Throws<ServiceUnavailableException>(() => host.Admit());
        host.MarkFailed("model.json: missing");
        var failed = Assert.Throws<ServiceUnavailableException>(() => host.Admit());

        Assert.Equal("the model is loading", loading.Message);
        Assert.Equal(TimeSpan.FromSeconds(5), loading.RetryAfter);
        Assert.Equal("the model failed to load: model.json: missing", failed.Message);
        Assert.Equal(EngineStatus.Failed, host.Status);
    }

    [Fact]
    public async Task Stopping_is_reported_and_nothing_admitted_means_nothing_to_wait_for()
    {
        var host = new EngineHost();

        host.BeginStopping();
        var stopping = Assert.Throws<ServiceUnavailableException>(() => host.Admit());

        Assert.Equal("the service is shutting down", stopping.Message);
        Assert.True(stopping.CloseConnection);
        Assert.Equal(TimeSpan.FromSeconds(10), stopping.RetryAfter);
        Assert.Equal(0, host.InFlight);
        await host.WaitForInFlightAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(1));
    }
}
