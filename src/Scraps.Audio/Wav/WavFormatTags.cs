namespace Scraps.Audio.Wav;

/// <summary>WAVE format tags (mmreg.h) we decode or name in error messages.</summary>
internal static class WavFormatTags
{
    public const int Pcm = 0x0001;
    public const int MsAdpcm = 0x0002;
    public const int IeeeFloat = 0x0003;
    public const int ALaw = 0x0006;
    public const int MuLaw = 0x0007;
    public const int ImaAdpcm = 0x0011;
    public const int Gsm610 = 0x0031;
    public const int Extensible = 0xFFFE;

    /// <summary>Codecs inside WAV that libsndfile decodes and we hand to it.</summary>
    public static bool IsSndFileCodec(int tag) => tag is MsAdpcm or ImaAdpcm or Gsm610;

    public static string Name(int tag) => tag switch
    {
        Pcm => "PCM",
        MsAdpcm => "Microsoft ADPCM",
        IeeeFloat => "IEEE float",
        ALaw => "A-law",
        MuLaw => "mu-law",
        ImaAdpcm => "IMA ADPCM",
        0x0022 => "TrueSpeech",
        Gsm610 => "GSM 6.10",
        0x0040 => "G.721 ADPCM",
        0x0050 => "MPEG",
        0x0055 => "MPEG layer 3",
        0x0092 => "Dolby AC-3",
        0x0161 or 0x0162 or 0x0163 => "Windows Media Audio",
        0x1610 or 0x00FF => "AAC",
        0xF1AC => "FLAC",
        Extensible => "WAVE_FORMAT_EXTENSIBLE",
        _ => $"format tag 0x{tag:X4}",
    };
}
