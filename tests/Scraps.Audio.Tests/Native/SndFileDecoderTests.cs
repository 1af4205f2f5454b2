using Scraps.Audio.Native;
using Scraps.Audio.Tests.Support;
using Xunit.Abstractions;

namespace Scraps.Audio.Tests.Native;

public sealed class SndFileDecoderTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    [Fact]
    public void Libsndfile_here_reads_flac_ogg_and_mpeg()
    {
        Assert.True(SndFileDecoder.IsAvailable());

        var formats = SndFileDecoder.MajorFormats();

        output.WriteLine(string.Join("; ", formats));
        Assert.Contains(formats, f => f.StartsWith("FLAC", StringComparison.Ordinal));
        Assert.Contains(formats, f => f.StartsWith("OGG", StringComparison.Ordinal));
        Assert.Contains(formats, f => f.StartsWith("MPEG", StringComparison.Ordinal));
    }

    [Fact]
    public void Decodes_flac_from_memory()
    {
        var clip = SndFileDecoder.Decode(TestData.AudioBytes("flite_16k.flac"), "FLAC", Limit);

        Assert.Equal(16000, clip.SampleRate);
        Assert.Equal(48720, clip.Samples.Length);
    }

    [Fact]
    public void Truncated_flac_yields_the_frames_before_the_cut()
    {
        var bytes = TestData.AudioBytes("flite_16k.flac");
        var full = SndFileDecoder.Decode(bytes, "FLAC", Limit);

        var clip = SndFileDecoder.Decode(bytes.AsSpan(0, bytes.Length / 2), "FLAC", Limit);

        Assert.InRange(clip.Samples.Length, 1, full.Samples.Length - 1);
        Assert.Equal(full.Samples.AsSpan(0, clip.Samples.Length / 2).ToArray(), clip.Samples.AsSpan(0, clip.Samples.Length / 2).ToArray());
    }

    [Fact]
    public void Flac_magic_followed_by_garbage_is_an_AudioFormatException()
    {
        var bytes = new byte[200];
        "fLaC"u8.CopyTo(bytes);
        new Random(3).NextBytes(bytes.AsSpan(4));

        var error = Assert.Throws<AudioFormatException>(() => SndFileDecoder.Decode(bytes, "FLAC", Limit));

        Assert.Contains("libsndfile", error.Message);
    }

    [Fact]
    public void Ogg_without_a_known_codec_is_an_AudioFormatException()
    {
        var bytes = TestData.AudioBytes("flite_16k.ogg").AsSpan(0, 60).ToArray();

        Assert.Throws<AudioFormatException>(() => SndFileDecoder.Decode(bytes, "Ogg", Limit));
    }

    [Fact]
    public void Refuses_audio_longer_than_the_limit()
    {
        var error = Assert.Throws<AudioTooLongException>(
            () => SndFileDecoder.Decode(TestData.AudioBytes("flite_16k.mp3"), "MP3", TimeSpan.FromSeconds(1)));

        Assert.Contains("longer than the limit of 1 s", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(1), error.Limit);
    }
}
