using System.Runtime.InteropServices;

namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>Raw little-endian float32 samples, the format piped to and from sox and ffmpeg.</summary>
internal static class RawAudio
{
    public static byte[] ToBytes(ReadOnlySpan<float> samples) => MemoryMarshal.AsBytes(samples).ToArray();

    public static float[] FromBytes(byte[] bytes)
    {
        var count = bytes.Length / sizeof(float);
        return MemoryMarshal.Cast<byte, float>(bytes.AsSpan(0, count * sizeof(float))).ToArray();
    }
}
