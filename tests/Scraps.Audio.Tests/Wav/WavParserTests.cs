using System.Buffers.Binary;
using Scraps.Audio.Tests.Support;
using Scraps.Audio.Wav;

namespace Scraps.Audio.Tests.Wav;

public sealed class WavParserTests
{
    private static readonly byte[] FourSamples = WavBuilder.Pcm16(1, 2, 3, 4);

    [Fact]
    public void Finds_format_and_data_of_a_plain_file()
    {
        var layout = WavParser.Parse(WavBuilder.SimplePcm16(16000, 1, 2, 3));

        Assert.Equal(WavEncoding.PcmSigned16, layout.Format.Encoding);
        Assert.Equal(1, layout.Format.Channels);
        Assert.Equal(16000, layout.Format.SampleRate);
        Assert.Equal(44, layout.DataOffset);
        Assert.Equal(6, layout.DataLength);
        Assert.Equal(3, layout.Frames);
        Assert.False(layout.IsTruncated);
        Assert.False(layout.ReadToEnd);
    }

    [Fact]
    public void Skips_unknown_and_odd_sized_chunks_with_their_pad_byte()
    {
        var bytes = new WavBuilder()
            .Chunk("JUNK", new byte[3])
            .Fmt(1, 1, 16000, 16)
            .Chunk("LIST", new byte[7])
            .Data(FourSamples)
            .Build();

        var layout = WavParser.Parse(bytes);

        Assert.Equal(4, layout.Frames);
        Assert.Equal(12 + 12 + 24 + 16 + 8, layout.DataOffset);
    }

    [Fact]
    public void Copes_with_writers_that_omit_the_pad_byte()
    {
        var bytes = new WavBuilder()
            .Fmt(1, 1, 16000, 16)
            .Chunk("note", [0x41, 0x42, 0x43], pad: false)
            .Data(FourSamples)
            .Build();

        var layout = WavParser.Parse(bytes);

        Assert.Equal(4, layout.Frames);
    }

    [Fact]
    public void Reads_data_declared_after_other_chunks_and_before_fmt()
    {
        var bytes = new WavBuilder().Data(FourSamples).Fmt(1, 1, 8000, 16).Build();

        var layout = WavParser.Parse(bytes);

        Assert.Equal(20, layout.DataOffset);
        Assert.Equal(4, layout.Frames);
        Assert.Equal(8000, layout.Format.SampleRate);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(0xFFFFFFFFu)]
    public void A_streaming_data_size_reads_to_the_end_of_the_file(uint declared)
    {
        var bytes = new WavBuilder().Fmt(1, 1, 16000, 16).Data(FourSamples, declaredSize: declared).Build();

        var layout = WavParser.Parse(bytes);

        Assert.True(layout.ReadToEnd);
        Assert.Equal(4, layout.Frames);
    }

    [Fact]
    public void Truncated_data_keeps_the_whole_frames_that_are_there()
    {
        var bytes = new WavBuilder().Fmt(1, 2, 16000, 16).Data(new byte[4 * 10], declaredSize: 4 * 100).Build();
        var cut = bytes.AsSpan(0, bytes.Length - 2).ToArray();

        var layout = WavParser.Parse(cut);

        Assert.True(layout.IsTruncated);
        Assert.Equal(9, layout.Frames);
        Assert.Equal(36, layout.DataLength);
    }

    [Fact]
    public void A_partial_trailing_frame_is_dropped()
    {
        var bytes = new WavBuilder().Fmt(1, 1, 16000, 24).Data(new byte[3 * 5 + 2]).Build();

        Assert.Equal(5, WavParser.Parse(bytes).Frames);
    }

    [Fact]
    public void Reads_wave_format_extensible_sub_format()
    {
        var bytes = new WavBuilder()
            .Chunk("fmt ", WavBuilder.ExtensibleBody(3, 2, 48000, 32, 32))
            .Data(new byte[8 * 3])
            .Build();

        var layout = WavParser.Parse(bytes);

        Assert.True(layout.Format.IsExtensible);
        Assert.Equal(WavEncoding.Float32, layout.Format.Encoding);
        Assert.Equal(3, layout.Frames);
        Assert.Equal(20 + 24, layout.Format.TagOffset);
    }

    [Fact]
    public void Extensible_with_a_foreign_guid_is_unsupported()
    {
        var bytes = new WavBuilder()
            .Chunk("fmt ", WavBuilder.ExtensibleBody(1, 1, 16000, 16, 16, standardGuid: false))
            .Data(new byte[4])
            .Build();

        var error = Assert.Throws<AudioFormatException>(() => WavParser.Parse(bytes));

        Assert.True(error.IsUnsupported);
        Assert.Equal(44, error.Offset);
        Assert.Contains("GUID", error.Message);
    }

    [Fact]
    public void Reads_rf64_with_its_ds64_data_size()
    {
        var ds64 = new byte[28];
        BinaryPrimitives.WriteUInt64LittleEndian(ds64.AsSpan(8), 8);
        var bytes = new WavBuilder { Magic = "RF64", RiffSize = 0xFFFFFFFF }
            .Chunk("ds64", ds64)
            .Fmt(1, 1, 16000, 16)
            .Data(WavBuilder.Pcm16(1, 2, 3, 4, 5, 6), declaredSize: 0xFFFFFFFF)
            .Build();

        var layout = WavParser.Parse(bytes);

        Assert.Equal(4, layout.Frames);
        Assert.False(layout.ReadToEnd);
    }

    [Fact]
    public void Ignores_a_wrong_riff_size()
    {
        var bytes = new WavBuilder { RiffSize = 12345678 }.Fmt(1, 1, 16000, 16).Data(FourSamples).Build();

        Assert.Equal(4, WavParser.Parse(bytes).Frames);
    }

    [Theory]
    [InlineData(0, 16000, 16, null, "fmt.channels is 0", 22)]
    [InlineData(1, 0, 16, null, "fmt.sampleRate is 0", 24)]
    [InlineData(2, 16000, 16, 2, "fmt.blockAlign is 2", 32)]
    [InlineData(1, 16000, 0, null, "fmt.bitsPerSample is 0", 34)]
    public void Malformed_fmt_fields_are_named_with_their_offset(int channels, int rate, int bits, int? blockAlign, string message, long offset)
    {
        var bytes = new WavBuilder().Fmt(1, channels, rate, bits, blockAlign ?? channels * ((bits + 7) / 8)).Data(FourSamples).Build();

        var error = Assert.Throws<AudioFormatException>(() => WavParser.Parse(bytes));

        Assert.False(error.IsUnsupported);
        Assert.Contains(message, error.Message);
        Assert.Equal(offset, error.Offset);
        Assert.Contains($"byte offset {offset}", error.Message);
    }

    [Theory]
    [InlineData(1, 500, 16, "fmt.sampleRate is 500 Hz")]
    [InlineData(1, 1_000_000, 16, "fmt.sampleRate is 1000000 Hz")]
    [InlineData(3, 16000, 16, "IEEE float with 16 bits")]
    [InlineData(1, 16000, 40, "PCM with 40 bits")]
    [InlineData(7, 16000, 16, "mu-law with 16 bits")]
    public void Valid_but_unsupported_formats_say_so(int tag, int rate, int bits, string message)
    {
        var bytes = new WavBuilder().Fmt(tag, 1, rate, bits).Data(FourSamples).Build();

        var error = Assert.Throws<AudioFormatException>(() => WavParser.Parse(bytes));

        Assert.True(error.IsUnsupported);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Short_fmt_chunk_is_malformed()
    {
        var bytes = new WavBuilder().Chunk("fmt ", new byte[14]).Data(FourSamples).Build();

        var error = Assert.Throws<AudioFormatException>(() => WavParser.Parse(bytes));

        Assert.Contains("'fmt ' chunk is 14 bytes", error.Message);
        Assert.Equal(16, error.Offset);
    }

    [Fact]
    public void Fmt_chunk_running_past_the_end_is_malformed()
    {
        var bytes = new WavBuilder().Fmt(1, 1, 16000, 16).Build().AsSpan(0, 30).ToArray();

        var error = Assert.Throws<AudioFormatException>(() => WavParser.Parse(bytes));

        Assert.Contains("'fmt ' chunk claims 16 bytes", error.Message);
    }

    [Fact]
    public void Missing_fmt_chunk_is_malformed()
    {
        var error = Assert.Throws<AudioFormatException>(() => WavParser.Parse(new WavBuilder().Data(FourSamples).Build()));

        Assert.Contains("no 'fmt ' chunk", error.Message);
    }

    [Fact]
    public void Missing_data_chunk_is_malformed()
    {
        var error = Assert.Throws<AudioFormatException>(() => WavParser.Parse(new WavBuilder().Fmt(1, 1, 16000, 16).Build()));

        Assert.Contains("no 'data' chunk", error.Message);
    }

    [Fact]
    public void Riff_of_another_form_is_unsupported()
    {
        var bytes = new WavBuilder { Form = "AVI " }.Chunk("hdrl", new byte[4]).Build();

        var error = Assert.Throws<AudioFormatException>(() => WavParser.Parse(bytes));

        Assert.True(error.IsUnsupported);
        Assert.Contains("'AVI '", error.Message);
        Assert.Equal(8, error.Offset);
    }

    [Fact]
    public void A_header_shorter_than_12_bytes_is_malformed()
    {
        var error = Assert.Throws<AudioFormatException>(() => WavParser.Parse("RIFF\0\0\0\0WA"u8));

        Assert.Contains("shorter than the 12-byte RIFF header", error.Message);
    }

    [Fact]
    public void A_chunk_size_pointing_past_the_end_stops_the_walk_without_reading_beyond()
    {
        var bytes = new WavBuilder()
            .Fmt(1, 1, 16000, 16)
            .Chunk("JUNK", new byte[4], declaredSize: 0xFFFFFFF0)
            .Build();

        var error = Assert.Throws<AudioFormatException>(() => WavParser.Parse(bytes));

        Assert.Contains("no 'data' chunk", error.Message);
    }
}
