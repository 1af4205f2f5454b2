namespace Scraps.Audio.Tests;

public sealed class WavWriterTests
{
    [Fact]
    public void Round_trips_16_bit_values_exactly()
    {
        float[] samples = [0f, 1f / 32768, -1f, 32767f / 32768, -12345f / 32768];

        var clip = AudioDecoder.Decode(WavWriter.ToPcm16Bytes(samples, 22050));

        Assert.Equal(22050, clip.SampleRate);
        Assert.Equal(samples, clip.Samples);
    }

    [Fact]
    public void Writes_a_canonical_44_byte_header()
    {
        var bytes = WavWriter.ToPcm16Bytes([0.5f, -0.5f], 16000);

        Assert.Equal(48, bytes.Length);
        Assert.Equal("RIFF"u8.ToArray(), bytes[..4]);
        Assert.Equal(40, BitConverter.ToInt32(bytes, 4));
        Assert.Equal("WAVEfmt "u8.ToArray(), bytes[8..16]);
        Assert.Equal(32000, BitConverter.ToInt32(bytes, 28));
        Assert.Equal("data"u8.ToArray(), bytes[36..40]);
        Assert.Equal(4, BitConverter.ToInt32(bytes, 40));
        Assert.Equal(16384, BitConverter.ToInt16(bytes, 44));
    }

    [Theory]
    [InlineData(2f, short.MaxValue)]
    [InlineData(-2f, short.MinValue)]
    [InlineData(float.NaN, 0)]
    [InlineData(float.PositiveInfinity, short.MaxValue)]
    [InlineData(0.49999f / 32768, 0)]
    public void Clips_and_rounds(float sample, short expected)
    {
        Assert.Equal(expected, WavWriter.ToInt16(sample));
    }

    [Fact]
    public void Writes_a_file_the_decoder_reads()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scraps-{Guid.NewGuid():N}.wav");
        try
        {
            WavWriter.WritePcm16(path, [0.25f, -0.25f, 0f], 8000);

            var clip = AudioDecoder.DecodeFile(path);

            Assert.Equal([0.25f, -0.25f, 0f], clip.Samples);
            Assert.Equal(8000, clip.SampleRate);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Rejects_a_non_positive_rate()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WavWriter.ToPcm16Bytes([0f], 0));
    }
}
