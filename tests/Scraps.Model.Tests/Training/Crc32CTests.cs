using System.Text;
using Scraps.Model.Training;

namespace Scraps.Model.Tests.Training;

public sealed class Crc32CTests
{
    [Fact]
    public void Compute_matches_the_standard_check_value()
    {
        // The CRC-32C check value (RFC 3720 / the Castagnoli catalogue): "123456789" -> 0xE3069283.
        Assert.Equal(0xE3069283u, Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0u, Crc32C.Compute([]));
    }

    [Fact]
    public void Compute_matches_rfc3720_test_vectors()
    {
        // RFC 3720 B.4: 32 bytes of zeros -> 0x8A9136AA, 32 bytes of 0xFF -> 0x62A8AB43.
        Assert.Equal(0x8A9136AAu, Crc32C.Compute(new byte[32]));
        Assert.Equal(0x62A8AB43u, Crc32C.Compute(Enumerable.Repeat((byte)0xFF, 32).ToArray()));
    }

    [Fact]
    public void Mask_rotates_and_offsets_and_unmask_inverts_it()
    {
        // Mask(x) = ror15(x) + 0xa282ead8: Mask(0) is the constant, Mask(1 << 15) = 1 + constant.
        Assert.Equal(0xa282ead8u, Crc32C.Mask(0));
        Assert.Equal(0xa282ead9u, Crc32C.Mask(1u << 15));
        foreach (var x in new[] { 0u, 1u, 0xE3069283u, uint.MaxValue })
        {
            Assert.Equal(x, Crc32C.Unmask(Crc32C.Mask(x)));
        }
    }
}
