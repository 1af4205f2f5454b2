using System.Buffers.Binary;

namespace Scraps.Audio.Wav;

/// <summary>Turns interleaved WAV sample bytes into mono float32: each frame is the mean of its channels (summed in double).
/// Integer PCM is scaled by 1/2^(bits-1) (8-bit is unsigned, centred on 128); NaN and infinite floats become 0.</summary>
internal static class WavSampleDecoder
{
    public static float[] DecodeMono(ReadOnlySpan<byte> bytes, WavFormat format)
    {
        var output = new float[bytes.Length / format.BlockAlign];
        DecodeMono(bytes, format, output);
        return output;
    }

    /// <summary>Decodes into <paramref name="output"/> (one value per whole frame); returns how many frames held a NaN or infinite sample.</summary>
    public static long DecodeMono(ReadOnlySpan<byte> bytes, WavFormat format, Span<float> output)
    {
        var channels = format.Channels;
        var width = format.BytesPerSample;
        var frames = bytes.Length / format.BlockAlign;
        var encoding = format.Encoding ?? throw new ArgumentException("format has no decodable encoding", nameof(format));
        var scale = 1.0 / channels;
        long nonFinite = 0;

        for (var f = 0; f < frames; f++)
        {
            var frame = bytes.Slice(f * format.BlockAlign, format.BlockAlign);
            var finite = true;
            if (channels == 1)
            {
                var v = Sample(frame, encoding);
                finite = float.IsFinite(v);
                output[f] = finite ? v : 0f;
            }
            else
            {
                var sum = 0.0;
                for (var c = 0; c < channels; c++)
                {
                    var v = Sample(frame.Slice(c * width, width), encoding);
                    var sampleFinite = float.IsFinite(v);
                    finite &= sampleFinite;
                    sum += sampleFinite ? v : 0f;
                }

                output[f] = (float)(sum * scale);
            }

            nonFinite += finite ? 0 : 1;
        }

        return nonFinite;
    }

    /// <summary>One sample as read: NaN and infinities of float encodings pass through (the caller counts and zeroes them).</summary>
    private static float Sample(ReadOnlySpan<byte> s, WavEncoding encoding)
    {
        switch (encoding)
        {
            case WavEncoding.PcmUnsigned8:
                return (s[0] - 128) * (1f / 128);
            case WavEncoding.PcmSigned16:
                return BinaryPrimitives.ReadInt16LittleEndian(s) * (1f / 32768);
            case WavEncoding.PcmSigned24:
                return (s[0] | (s[1] << 8) | ((sbyte)s[2] << 16)) * (1f / 8388608);
            case WavEncoding.PcmSigned32:
                return (float)(BinaryPrimitives.ReadInt32LittleEndian(s) * (1.0 / 2147483648.0));
            case WavEncoding.Float32:
                return BinaryPrimitives.ReadSingleLittleEndian(s);
            case WavEncoding.Float64:
                return (float)BinaryPrimitives.ReadDoubleLittleEndian(s);
            case WavEncoding.MuLaw:
                return G711.MuLawToLinear(s[0]) * (1f / 32768);
            case WavEncoding.ALaw:
                return G711.ALawToLinear(s[0]) * (1f / 32768);
            default:
                throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "unknown WAV encoding");
        }
    }
}
