using Scraps.Audio.Wav;

namespace Scraps.Audio.Tests.Wav;

public sealed class G711Tests
{
    [Theory]
    [InlineData(0x00, -32124)]
    [InlineData(0x80, 32124)]
    [InlineData(0x7F, 0)]
    [InlineData(0xFF, 0)]
    [InlineData(0x70, -120)]
    [InlineData(0x0F, -16764)]
    public void Expands_mu_law_per_g711(byte code, short expected)
    {
        Assert.Equal(expected, G711.MuLawToLinear(code));
    }

    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    [InlineData(0x80, 5504)]
    public void Expands_a_law_per_g711(byte code, short expected)
    {
        Assert.Equal(expected, G711.ALawToLinear(code));
    }

    [Fact]
    public void Both_laws_are_odd_symmetric()
    {
        for (var code = 0; code < 128; code++)
        {
            Assert.Equal(-G711.MuLawToLinear((byte)code), G711.MuLawToLinear((byte)(code | 0x80)));
            Assert.Equal(-G711.ALawToLinear((byte)code), G711.ALawToLinear((byte)(code | 0x80)));
        }
    }
}
