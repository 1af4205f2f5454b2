using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scraps.Client.Tests.Support;

namespace Scraps.Client.Tests;

public sealed class ScrapsClientServiceCollectionExtensionsTests
{
    [Fact]
    public async Task A_base_address_with_a_path_prefix_is_kept_for_every_operation()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("""{"status":"alive"}""", System.Text.Encoding.UTF8, "application/json"),
        });
        using var provider = new ClientProvider(() => stub, o => o.BaseAddress = new Uri("https://gateway.test/speech/scraps"));

        var live = await provider.Client.GetLivenessAsync();

        Assert.Equal("alive", live.Status);
        Assert.Equal(new Uri("https://gateway.test/speech/scraps/health/live"), Assert.Single(stub.Requests));
    }

    [Fact]
    public void Invalid_options_fail_when_the_client_is_resolved_naming_the_option()
    {
        var services = new ServiceCollection();
        services.AddScrapsClient(o => o.AttemptTimeout = TimeSpan.Zero);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IScrapsClient>());

        Assert.Contains("BaseAddress", error.Message, StringComparison.Ordinal);
        Assert.Contains("AttemptTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddScrapsClient(null!));
        Assert.Throws<ArgumentNullException>(() => ScrapsClientServiceCollectionExtensions.AddScrapsClient(null!, _ => { }));
    }
}
