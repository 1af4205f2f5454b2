namespace Scraps.Inference.Scoring;

/// <summary>A phoneme sequence ready for the phonetic encoder: inventory ids and their X-SAMPA spelling.</summary>
public sealed record PhoneticInput(long[] Ids, string XSampa)
{
    public int Length => Ids.Length;
}
