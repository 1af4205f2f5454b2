using System.Numerics;

namespace Scraps.Model.Training;

/// <summary>CRC-32C (Castagnoli), as TFRecord framing uses it, and TensorFlow's masking of it.</summary>
internal static class Crc32C
{
    private const uint MaskDelta = 0xa282ead8;

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = ~0u;
        var i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            crc = BitOperations.Crc32C(crc, BitConverter.ToUInt64(data.Slice(i, 8)));
        }

        for (; i < data.Length; i++)
        {
            crc = BitOperations.Crc32C(crc, data[i]);
        }

        return ~crc;
    }

    /// <summary>TensorFlow stores CRCs rotated right by 15 bits plus a constant (crc32c.h Mask).</summary>
    public static uint Mask(uint crc) => ((crc >> 15) | (crc << 17)) + MaskDelta;

    public static uint Unmask(uint masked)
    {
        var rotated = masked - MaskDelta;
        return (rotated >> 17) | (rotated << 15);
    }
}
