using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Tests.Corpus.Synthesis;

public class SynthesizerDiscoveryTests
{
    [Fact]
    public async Task Rejects_unknown_engines()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => SynthesizerDiscovery.DiscoverAsync(["mbrola"], 16, CancellationToken.None));
        Assert.Contains("mbrola", error.Message);
    }

    [Fact]
    public async Task Returns_only_the_requested_engines()
    {
        var engines = await SynthesizerDiscovery.DiscoverAsync(["espeak-ng"], 16, CancellationToken.None);
        Assert.Equal(["espeak-ng"], engines.Select(e => e.Name));
    }
}
