using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Scraps.Client.Tests.Support;

/// <summary>
/// A DI container with <see cref="ScrapsClientServiceCollectionExtensions.AddScrapsClient"/> whose requests go
/// through a <see cref="FaultInjector"/> (inside the resilience pipeline, so it sees every attempt) to an
/// in-memory service or to any other handler.
/// </summary>
internal sealed class ClientProvider : IDisposable
{
    private readonly ServiceProvider _provider;

    public ClientProvider(Func<HttpMessageHandler> primary, Action<ScrapsClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScrapsClient(options =>
            {
                options.BaseAddress = new Uri("http://scraps.test/");
                options.RetryDelay = TimeSpan.FromMilliseconds(10);
                configure?.Invoke(options);
            })
            .AddHttpMessageHandler(() => Faults)
            .ConfigurePrimaryHttpMessageHandler(primary);
        _provider = services.BuildServiceProvider(validateScopes: true);
    }

    public IScrapsClient Client => _provider.GetRequiredService<IScrapsClient>();

    public FaultInjector Faults { get; } = new();

    public static ClientProvider For(WebApplicationFactory<Program> service, Action<ScrapsClientOptions>? configure = null) =>
        new(() => service.Server.CreateHandler(), configure);

    public void Dispose() => _provider.Dispose();
}
