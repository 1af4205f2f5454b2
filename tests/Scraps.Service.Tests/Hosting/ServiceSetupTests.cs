using Microsoft.Extensions.Options;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.Hosting;

public sealed class ServiceSetupTests
{
    [Theory]
    [InlineData("Scraps:Batching:MaxBatchSize", "0", "MaxBatchSize")]
    [InlineData("Scraps:Batching:MaxBatchDelay", "00:00:05", "MaxBatchDelay")]
    [InlineData("Scraps:Limits:MaxAudioSeconds", "0", "MaxAudioSeconds")]
    [InlineData("Scraps:Resilience:FailureRatio", "2", "FailureRatio")]
    [InlineData("Scraps:Inference:IntraOpThreads", "-1", "IntraOpThreads")]
    [InlineData("Scraps:Inference:MaxBatchSize", "64", "set its budget in Scraps:Batching")]
    [InlineData("Scraps:Inference:MaxBatchSteps", "160000", "set its budget in Scraps:Batching")]
    [InlineData("Scraps:Model:Path", "", "Path")]
    public async Task Invalid_options_stop_the_service_at_start_naming_the_option(string key, string value, string option)
    {
        await using var factory = new ServiceFactory(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }
}
