using System.Globalization;
using Scraps.Audio;

namespace Scraps.Inference.Manifests.Formats;

/// <summary>Cuts an utterance out of a decoded recording by its offset and duration in seconds.</summary>
public static class Segments
{
    /// <summary>How far past the recording's end a segment may reach and be cut short with a warning (rounding in manifests).</summary>
    public const double EndSlackSeconds = 0.5;

    /// <exception cref="Scoring.ScoringInputException">The segment starts past the recording's end, or ends well past it.</exception>
    public static (float[] Samples, string Name, IReadOnlyList<string> Warnings) Cut(float[] recording, double offset, double? duration, string audio)
    {
        var rate = AudioFrontEnd.SampleRate;
        var seconds = recording.Length / (double)rate;
        var end = duration is { } d ? offset + d : seconds;
        var name = string.Create(CultureInfo.InvariantCulture, $"{audio} [{offset:0.###}-{end:0.###} s]");
        if (offset >= seconds)
        {
            throw new Scoring.ScoringInputException(string.Create(CultureInfo.InvariantCulture, $"'{name}' starts after the recording's end ({seconds:0.###} s)"));
        }

        var warnings = new List<string>();
        if (end > seconds + EndSlackSeconds)
        {
            throw new Scoring.ScoringInputException(string.Create(CultureInfo.InvariantCulture, $"'{name}' ends {end - seconds:0.###} s after the recording's end ({seconds:0.###} s)"));
        }

        if (end > seconds)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"'{name}' ends {end - seconds:0.###} s after the recording; cut at its end"));
            end = seconds;
        }

        var first = (int)Math.Round(offset * rate);
        var last = Math.Min(recording.Length, (int)Math.Round(end * rate));
        return (recording.AsSpan(first, Math.Max(0, last - first)).ToArray(), name, warnings);
    }
}
