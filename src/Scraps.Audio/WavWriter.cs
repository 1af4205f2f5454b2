using System.Buffers.Binary;

namespace Scraps.Audio;

/// <summary>Writes mono 16-bit PCM WAV files. Samples are scaled by 32768, rounded and clipped to the 16-bit range
/// (NaN becomes 0), so samples that are multiples of 1/32768 round-trip exactly through <see cref="AudioDecoder"/>.</summary>
public static class WavWriter
{
    private const int HeaderBytes = 44;

    public static void WritePcm16(string path, ReadOnlySpan<float> samples, int sampleRate)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, ToPcm16Bytes(samples, sampleRate));
    }

    public static byte[] ToPcm16Bytes(ReadOnlySpan<float> samples, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        var dataBytes = (long)samples.Length * 2;
        if (dataBytes + HeaderBytes - 8 > uint.MaxValue || dataBytes + HeaderBytes > Array.MaxLength)
        {
            throw new ArgumentException($"{samples.Length} samples do not fit in one WAV file", nameof(samples));
        }

        var bytes = new byte[HeaderBytes + dataBytes];
        var span = bytes.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(HeaderBytes - 8 + dataBytes));
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], (uint)sampleRate * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], (uint)dataBytes);

        var data = span[HeaderBytes..];
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(data[(2 * i)..], ToInt16(samples[i]));
        }

        return bytes;
    }

    internal static short ToInt16(float sample)
    {
        if (float.IsNaN(sample))
        {
            return 0;
        }

        var scaled = Math.Round(sample * 32768.0);
        return (short)Math.Clamp(scaled, short.MinValue, short.MaxValue);
    }
}
