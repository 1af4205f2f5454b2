using System.Globalization;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>
/// Runs sox effect chains on raw float samples: tempo (WSOLA, pitch kept), pitch shift (tempo kept), and the
/// microphone/recorder chain of <see cref="ChannelEffects"/>. -D (no dither) and -R (repeatable) keep the output
/// deterministic. One sox process per chain: a start costs ~25 ms of CPU here, so effects that follow each other
/// share one.
/// </summary>
internal static class SoxEffects
{
    private const string Program = "sox";

    /// <summary>
    /// sox works in 32-bit integers and clips at full scale; EQ boosts of up to +8 dB on a clip normalised to near
    /// full scale would clip there. The chain runs at this peak, and the caller's level comes back afterwards.
    /// </summary>
    private const float Headroom = 0.25f;

    public static Task<float[]> TempoAndPitchAsync(float[] audio, int sampleRate, double tempo, double semitones, CancellationToken cancellationToken)
    {
        var effects = new List<string>();
        if (tempo != 1)
        {
            effects.AddRange(["tempo", "-s", Format(tempo)]);
        }

        if (semitones != 0)
        {
            effects.AddRange(["pitch", (semitones * 100).ToString("0", CultureInfo.InvariantCulture)]);
        }

        return RunAsync(audio, sampleRate, effects, cancellationToken);
    }

    /// <summary>Runs <paramref name="effects"/> (sox effect arguments); no effects returns the input itself.</summary>
    public static async Task<float[]> RunAsync(float[] audio, int sampleRate, IReadOnlyList<string> effects, CancellationToken cancellationToken)
    {
        if (effects.Count == 0)
        {
            return audio;
        }

        var peak = 0f;
        foreach (var s in audio)
        {
            peak = Math.Max(peak, Math.Abs(s));
        }

        var scale = peak > 0 ? Headroom / peak : 1f;
        var scaled = new float[audio.Length];
        for (var i = 0; i < audio.Length; i++)
        {
            scaled[i] = audio[i] * scale;
        }

        var rate = sampleRate.ToString(CultureInfo.InvariantCulture);
        string[] arguments = ["-D", "-R", "-t", "f32", "-r", rate, "-c", "1", "-", "-t", "f32", "-", .. effects];
        var output = RawAudio.FromBytes(await ExternalProcess.RunAsync(Program, arguments, RawAudio.ToBytes(scaled), cancellationToken: cancellationToken).ConfigureAwait(false));
        for (var i = 0; i < output.Length; i++)
        {
            output[i] /= scale;
        }

        return output;
    }

    internal static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
