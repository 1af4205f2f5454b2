using System.Buffers.Binary;
using Scraps.Audio.Wav;

namespace Scraps.Audio.Tests.Wav;

public sealed class WavSampleDecoderTests
{
    [Theory]
    [InlineData("PcmUnsigned8", new byte[] { 0x00, 0x80, 0xFF }, new float[] { -1f, 0f, 127f / 128 })]
    [InlineData("PcmSigned16", new byte[] { 0x00, 0x80, 0xFF, 0x7F, 0x01, 0x00 }, new float[] { -1f, 32767f / 32768, 1f / 32768 })]
    [InlineData("PcmSigned24", new byte[] { 0x00, 0x00, 0x80, 0xFF, 0xFF, 0x7F, 0xFF, 0xFF, 0xFF }, new float[] { -1f, 8388607f / 8388608, -1f / 8388608 })]
    [InlineData("PcmSigned32", new byte[] { 0x00, 0x00, 0x00, 0x80, 0x00, 0x00, 0x00, 0x40 }, new float[] { -1f, 0.5f })]
    [InlineData("MuLaw", new byte[] { 0x00, 0x80, 0xFF }, new float[] { -32124f / 32768, 32124f / 32768, 0f })]
    [InlineData("ALaw", new byte[] { 0x55, 0xD5, 0x2A }, new float[] { -8f / 32768, 8f / 32768, -32256f / 32768 })]
    public void Scales_each_encoding_to_plus_minus_one(string encoding, byte[] bytes, float[] expected)
    {
        var width = bytes.Length / expected.Length;

        var samples = WavSampleDecoder.DecodeMono(bytes, Format(Enum.Parse<WavEncoding>(encoding), 1, width));

        Assert.Equal(expected, samples);
    }

    [Fact]
    public void Decodes_float32_and_float64()
    {
        var f32 = new byte[8];
        BinaryPrimitives.WriteSingleLittleEndian(f32, 0.25f);
        BinaryPrimitives.WriteSingleLittleEndian(f32.AsSpan(4), -1.5f);
        var f64 = new byte[16];
        BinaryPrimitives.WriteDoubleLittleEndian(f64, 0.125);
        BinaryPrimitives.WriteDoubleLittleEndian(f64.AsSpan(8), -0.75);

        Assert.Equal([0.25f, -1.5f], WavSampleDecoder.DecodeMono(f32, Format(WavEncoding.Float32, 1, 4)));
        Assert.Equal([0.125f, -0.75f], WavSampleDecoder.DecodeMono(f64, Format(WavEncoding.Float64, 1, 8)));
    }

    [Fact]
    public void NaN_and_infinite_floats_become_zero()
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, float.NaN);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4), float.PositiveInfinity);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(8), float.NegativeInfinity);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(12), 0.5f);
        var f64 = new byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(f64, 1e300);

        Assert.Equal([0f, 0f, 0f, 0.5f], WavSampleDecoder.DecodeMono(bytes, Format(WavEncoding.Float32, 1, 4)));
        Assert.Equal([0f], WavSampleDecoder.DecodeMono(f64, Format(WavEncoding.Float64, 1, 8)));
    }

    [Fact]
    public void Downmixes_by_averaging_the_channels()
    {
        short[] interleaved = [16384, -16384, 8192, 0, 0, 32767, 3000, 3000, 3000];
        var bytes = new byte[interleaved.Length * 2];
        for (var i = 0; i < interleaved.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), interleaved[i]);
        }

        var samples = WavSampleDecoder.DecodeMono(bytes, Format(WavEncoding.PcmSigned16, 3, 2));

        Assert.Equal(3, samples.Length);
        Assert.Equal(8192f / 32768 / 3, samples[0], 6);
        Assert.Equal(32767f / 32768 / 3, samples[1], 6);
        Assert.Equal(3000f / 32768, samples[2], 6);
    }

    private static WavFormat Format(WavEncoding encoding, int channels, int width) =>
        new(1, encoding, channels, 16000, channels * width, width * 8, false, 20);
}
