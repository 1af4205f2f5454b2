namespace Scraps.Audio;

/// <summary>Decoded audio: mono float32 samples, nominally in [-1, 1], at <paramref name="SampleRate"/> Hz.</summary>
public sealed record AudioClip(float[] Samples, int SampleRate)
{
    public TimeSpan Duration => SampleRate > 0 ? TimeSpan.FromSeconds((double)Samples.Length / SampleRate) : TimeSpan.Zero;
}
