using Scraps.Trainer.Corpus.Augmentation;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Tests.Corpus.Augmentation;

public class BabbleBankTests
{
    [Fact]
    public async Task Tracks_are_several_talkers_reproducible_from_the_seed()
    {
        var espeak = await EspeakSynthesizer.DiscoverAsync(CancellationToken.None);
        Assert.NotNull(espeak);
        using var folder = new TempFolder();
        string[] sentences = ["The sun rose over the quiet hills.", "Nobody expected the meeting to last so long today."];
        VoiceRef[] voices = [new("espeak-ng", "en-us"), new("espeak-ng", "en-gb+f2")];

        var first = await new BabbleBank(espeak, sentences, voices, 3, folder.Path, tracks: 2).SegmentAsync(1, 20000, 5, CancellationToken.None);
        var again = await new BabbleBank(espeak, sentences, voices, 3, folder.Path, tracks: 2).SegmentAsync(1, 20000, 5, CancellationToken.None);

        Assert.Equal(first, again);
        Assert.True(TestSignals.Rms(first) > 0.5, "four unit-power talkers mixed");
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Rejects_a_bank_without_voices() =>
        Assert.Throws<ArgumentException>(() => new BabbleBank(null!, ["A sentence."], [], 1, "/tmp"));
}
