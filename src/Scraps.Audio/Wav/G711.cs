namespace Scraps.Audio.Wav;

/// <summary>ITU-T G.711 mu-law and A-law expansion to 16-bit linear values (the tables sox and libsndfile use).</summary>
internal static class G711
{
    private static readonly short[] MuLawTable = BuildMuLaw();
    private static readonly short[] ALawTable = BuildALaw();

    public static short MuLawToLinear(byte code) => MuLawTable[code];

    public static short ALawToLinear(byte code) => ALawTable[code];

    private static short[] BuildMuLaw()
    {
        var table = new short[256];
        for (var i = 0; i < 256; i++)
        {
            var u = ~i & 0xFF;
            var exponent = (u >> 4) & 0x07;
            var mantissa = u & 0x0F;
            var magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84;
            table[i] = (short)((u & 0x80) != 0 ? -magnitude : magnitude);
        }

        return table;
    }

    private static short[] BuildALaw()
    {
        var table = new short[256];
        for (var i = 0; i < 256; i++)
        {
            var a = i ^ 0x55;
            var magnitude = (a & 0x0F) << 4;
            var segment = (a & 0x70) >> 4;
            magnitude = segment switch
            {
                0 => magnitude + 8,
                1 => magnitude + 0x108,
                _ => (magnitude + 0x108) << (segment - 1),
            };
            table[i] = (short)((a & 0x80) != 0 ? magnitude : -magnitude);
        }

        return table;
    }
}
