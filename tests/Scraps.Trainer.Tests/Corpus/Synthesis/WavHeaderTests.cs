using Scraps.Audio;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Tests.Corpus.Synthesis;

public class WavHeaderTests
{
    [Fact]
    public void Reads_the_duration_from_the_header()
    {
        using var folder = new TempFolder();
        var path = folder.File("a.wav");
        WavWriter.WritePcm16(path, new float[24000], 16000);
        Assert.Equal(1.5, WavHeader.DurationSeconds(path), 6);
    }

    [Fact]
    public void Rejects_a_file_that_is_not_wav()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.wav", "not a riff file at all");
        Assert.Throws<InvalidDataException>(() => WavHeader.DurationSeconds(path));
    }
}
