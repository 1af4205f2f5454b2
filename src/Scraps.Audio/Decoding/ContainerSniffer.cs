namespace Scraps.Audio.Decoding;

/// <summary>Detects an audio container from its magic bytes; the file name is never consulted.</summary>
internal static class ContainerSniffer
{
    public static ContainerKind Detect(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4)
        {
            return ContainerKind.Unknown;
        }

        var magic = data[..4];
        if ((magic.SequenceEqual("RIFF"u8) || magic.SequenceEqual("RF64"u8)) && data.Length >= 12 && data.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            return ContainerKind.Wav;
        }

        if (magic.SequenceEqual("fLaC"u8))
        {
            return ContainerKind.Flac;
        }

        if (magic.SequenceEqual("OggS"u8))
        {
            return ContainerKind.Ogg;
        }

        if (magic[..3].SequenceEqual("ID3"u8) || IsMpegAudioFrameSync(data))
        {
            return ContainerKind.Mp3;
        }

        if (magic.SequenceEqual("RIFX"u8) || magic.SequenceEqual("FORM"u8) || magic.SequenceEqual(".snd"u8)
            || magic.SequenceEqual("caff"u8) || magic.SequenceEqual("riff"u8) || magic.SequenceEqual("wvpk"u8))
        {
            return ContainerKind.OtherSndFile;
        }

        return ContainerKind.Unknown;
    }

    /// <summary>An MPEG audio layer III frame header: 11 sync bits, a valid version, layer III, a valid bitrate and rate.</summary>
    private static bool IsMpegAudioFrameSync(ReadOnlySpan<byte> data)
    {
        if (data[0] != 0xFF || (data[1] & 0xE0) != 0xE0)
        {
            return false;
        }

        var version = (data[1] >> 3) & 0x3;
        var layer = (data[1] >> 1) & 0x3;
        var bitrate = (data[2] >> 4) & 0xF;
        var rate = (data[2] >> 2) & 0x3;
        return version != 1 && layer == 1 && bitrate != 0xF && rate != 3;
    }

    public static string Describe(ContainerKind kind) => kind switch
    {
        ContainerKind.Wav => "WAV",
        ContainerKind.Flac => "FLAC",
        ContainerKind.Ogg => "Ogg",
        ContainerKind.Mp3 => "MP3",
        ContainerKind.OtherSndFile => "audio",
        _ => "unknown",
    };
}
