using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scraps.Service.Hosting;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.Hosting;

public sealed class ServiceSetupTests
{
    /// <summary>
    /// What the host runs before it starts anything (<see cref="IStartupValidator"/>, fed by every ValidateOnStart of the
    /// service's setup): bad options stop it, naming the option. Run on the service's own setup rather than through
    /// WebApplicationFactory, whose deferred host sometimes reports the failed start as an ObjectDisposedException.
    /// </summary>
    [Theory]
    [InlineData("Scraps:Batching:MaxBatchSize", "0", "MaxBatchSize")]
    [InlineData("Scraps:Batching:MaxBatchDelay", "00:00:05", "MaxBatchDelay")]
    [InlineData("Scraps:Limits:MaxAudioSeconds", "0", "MaxAudioSeconds")]
    [InlineData("Scraps:Resilience:FailureRatio", "2", "FailureRatio")]
    [InlineData("Scraps:Inference:IntraOpThreads", "-1", "IntraOpThreads")]
    [InlineData("Scraps:Inference:MaxBatchSize", "64", "set its budget in Scraps:Batching")]
    [InlineData("Scraps:Inference:MaxBatchSteps", "160000", "set its budget in Scraps:Batching")]
    [InlineData("Scraps:Model:Path", "", "Path")]
    public void Invalid_options_stop_the_service_at_start_naming_the_option(string key, string value, string option)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scraps:Model:Path"] = ServicePackage.Folder,
            [key] = value,
        });
        builder.AddScrapsService();

        // Some options are read while the app is built (Kestrel's limits), the rest by the start-up validation.
        var error = Assert.Throws<OptionsValidationException>(() =>
        {
            var app = builder.Build();
            try
            {
                app.Services.GetRequiredService<IStartupValidator>().Validate();
            }
            finally
            {
                ((IDisposable)app).Dispose();
            }
        });

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_options_pass_the_start_up_validation()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Scraps:Model:Path"] = ServicePackage.Folder });
        builder.AddScrapsService();
        await using var app = builder.Build();

        app.Services.GetRequiredService<IStartupValidator>().Validate();
    }
}
