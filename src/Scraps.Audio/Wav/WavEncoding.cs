namespace Scraps.Audio.Wav;

/// <summary>Sample encodings our own WAV reader decodes.</summary>
internal enum WavEncoding
{
    PcmUnsigned8,
    PcmSigned16,
    PcmSigned24,
    PcmSigned32,
    Float32,
    Float64,
    MuLaw,
    ALaw,
}
