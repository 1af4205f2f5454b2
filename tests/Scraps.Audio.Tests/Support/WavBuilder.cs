using System.Buffers.Binary;

namespace Scraps.Audio.Tests.Support;

/// <summary>Assembles WAV files chunk by chunk, including the odd and broken layouts real files contain.</summary>
internal sealed class WavBuilder
{
    private readonly List<byte[]> _chunks = [];

    public string Magic { get; init; } = "RIFF";

    public string Form { get; init; } = "WAVE";

    public uint? RiffSize { get; init; }

    public WavBuilder Chunk(string id, byte[] body, bool pad = true, uint? declaredSize = null)
    {
        var chunk = new byte[8 + body.Length + (pad && body.Length % 2 == 1 ? 1 : 0)];
        System.Text.Encoding.ASCII.GetBytes(id).CopyTo(chunk, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), declaredSize ?? (uint)body.Length);
        body.CopyTo(chunk, 8);
        _chunks.Add(chunk);
        return this;
    }

    public WavBuilder Fmt(int tag, int channels, int sampleRate, int bits, int? blockAlign = null) =>
        Chunk("fmt ", FmtBody(tag, channels, sampleRate, bits, blockAlign));

    public WavBuilder Data(byte[] body, uint? declaredSize = null, bool pad = true) => Chunk("data", body, pad, declaredSize);

    public byte[] Build()
    {
        var length = 12 + _chunks.Sum(c => c.Length);
        var bytes = new byte[length];
        System.Text.Encoding.ASCII.GetBytes(Magic).CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), RiffSize ?? (uint)(length - 8));
        System.Text.Encoding.ASCII.GetBytes(Form).CopyTo(bytes, 8);
        var offset = 12;
        foreach (var chunk in _chunks)
        {
            chunk.CopyTo(bytes, offset);
            offset += chunk.Length;
        }

        return bytes;
    }

    public static byte[] FmtBody(int tag, int channels, int sampleRate, int bits, int? blockAlign = null)
    {
        var body = new byte[16];
        var align = blockAlign ?? channels * ((bits + 7) / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(body, (ushort)tag);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(8), (uint)(sampleRate * align));
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), (ushort)align);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), (ushort)bits);
        return body;
    }

    /// <summary>A 40-byte WAVE_FORMAT_EXTENSIBLE body whose sub-format is <paramref name="subFormat"/>.</summary>
    public static byte[] ExtensibleBody(int subFormat, int channels, int sampleRate, int containerBits, int validBits, bool standardGuid = true)
    {
        var body = new byte[40];
        FmtBody(0xFFFE, channels, sampleRate, containerBits).CopyTo(body, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(18), (ushort)validBits);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(20), 0);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(24), (ushort)subFormat);
        byte[] suffix = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
        if (!standardGuid)
        {
            suffix[13] = 0x72;
        }

        suffix.CopyTo(body, 26);
        return body;
    }

    public static byte[] Pcm16(params short[] samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), samples[i]);
        }

        return bytes;
    }

    /// <summary>A valid mono 16-bit file holding <paramref name="samples"/>.</summary>
    public static byte[] SimplePcm16(int sampleRate, params short[] samples) =>
        new WavBuilder().Fmt(1, 1, sampleRate, 16).Data(Pcm16(samples)).Build();
}
