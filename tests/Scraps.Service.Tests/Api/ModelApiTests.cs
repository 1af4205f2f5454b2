using System.Net.Http.Json;
using System.Text.Json;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.Api;

public sealed class ModelApiTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Model_describes_the_package_and_the_input_limits()
    {
        var client = await factory.CreateReadyClientAsync();

        var model = await client.GetFromJsonAsync<JsonElement>("/v1/model");

        Assert.Equal("service-test", model.GetProperty("name").GetString());
        Assert.Equal("0.1.0", model.GetProperty("version").GetString());
        var dims = model.GetProperty("dimensions");
        Assert.Equal(12, dims.GetProperty("embedding").GetInt32());
        Assert.Equal(16, dims.GetProperty("backbone").GetInt32());
        Assert.Equal(2, dims.GetProperty("acousticSubsampling").GetInt32());
        var symbols = model.GetProperty("inventory").GetProperty("symbols");
        Assert.Equal(dims.GetProperty("vocabularySize").GetInt32(), symbols.GetArrayLength());
        Assert.Contains(symbols.EnumerateArray(), s => s.GetProperty("xSampa").GetString() == "#" && s.GetProperty("kind").GetString() == "wordBoundary");
        Assert.Equal("espeak-ng", model.GetProperty("g2p").GetProperty("engine").GetString());
        var calibration = model.GetProperty("calibration");
        Assert.Equal("logistic", calibration.GetProperty("kind").GetString());
        Assert.Equal(0.5, calibration.GetProperty("a").GetDouble());
        Assert.Equal(0.5, calibration.GetProperty("threshold").GetDouble());
        Assert.Equal("random weights", model.GetProperty("trainingSummary").GetProperty("note").GetString());
        Assert.Equal("Cpu", model.GetProperty("executionProvider").GetString());
        var provider = model.GetProperty("provider");
        Assert.Equal("Auto", provider.GetProperty("requested").GetString());
        Assert.Equal("Cpu", provider.GetProperty("running").GetString());
        Assert.Equal(0, provider.GetProperty("devices").GetArrayLength());
        Assert.Contains("CUDA", provider.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var limits = model.GetProperty("limits");
        Assert.Equal(1023 * 200 / 16000.0, limits.GetProperty("maxAudioSeconds").GetDouble(), 6); // the positional table, below the 30 s configured
        Assert.Equal(512, limits.GetProperty("maxPhonemes").GetInt32());
    }
}
