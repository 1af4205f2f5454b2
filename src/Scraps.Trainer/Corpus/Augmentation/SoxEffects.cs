using System.Globalization;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>
/// Tempo change without pitch change (WSOLA) and pitch shift without tempo change, through sox on raw float
/// samples; -D (no dither) and -R (repeatable) keep the output deterministic.
/// </summary>
internal static class SoxEffects
{
    private const string Program = "sox";

    public static async Task<float[]> TempoAndPitchAsync(float[] audio, int sampleRate, double tempo, double semitones, CancellationToken cancellationToken)
    {
        if (tempo == 1 && semitones == 0)
        {
            return audio;
        }

        var rate = sampleRate.ToString(CultureInfo.InvariantCulture);
        var arguments = new List<string> { "-D", "-R", "-t", "f32", "-r", rate, "-c", "1", "-", "-t", "f32", "-" };
        if (tempo != 1)
        {
            arguments.AddRange(["tempo", "-s", tempo.ToString("0.###", CultureInfo.InvariantCulture)]);
        }

        if (semitones != 0)
        {
            arguments.AddRange(["pitch", (semitones * 100).ToString("0", CultureInfo.InvariantCulture)]);
        }

        var output = await ExternalProcess.RunAsync(Program, arguments, RawAudio.ToBytes(audio), cancellationToken: cancellationToken).ConfigureAwait(false);
        return RawAudio.FromBytes(output);
    }
}
