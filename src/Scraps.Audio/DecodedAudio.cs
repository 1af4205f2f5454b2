using System.Globalization;

namespace Scraps.Audio;

/// <summary>
/// A clip decoded for the model: mono 16 kHz samples, its length, and what decoding had to repair (non-finite samples
/// set to 0, a WAV data chunk shorter than its header says), so that callers can tell the user.
/// </summary>
public sealed record DecodedAudio(float[] Samples, double Seconds, long NonFiniteSamples, long TotalSamples, bool Truncated)
{
    /// <summary>One sentence per repair, empty when nothing was repaired.</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            var warnings = new List<string>(2);
            if (NonFiniteSamples > 0)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{NonFiniteSamples} of {TotalSamples} samples were NaN or infinite and were scored as 0"));
            }

            if (Truncated)
            {
                warnings.Add("the WAV data chunk is shorter than its header says (a truncated file): the complete frames present were scored");
            }

            return warnings;
        }
    }
}
