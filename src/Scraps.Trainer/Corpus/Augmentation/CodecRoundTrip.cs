using System.Globalization;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>
/// Encodes with a low-bitrate codec and decodes back: Opus (libopus) and MP3 (libmp3lame) through ffmpeg, GSM 06.10
/// and AMR-NB (8 kHz telephone codecs) through sox, which has them and starts in a tenth of ffmpeg's time. Debian's
/// ffmpeg has no AMR encoder; its sox writes AMR-NB through libopencore-amrnb.
/// </summary>
internal static class CodecRoundTrip
{
    private const string Ffmpeg = "ffmpeg";
    private const string Sox = "sox";
    /// <summary>AMR-NB's eight modes in kbit/s (mode = index): the sampler draws from them, the encoder maps back.</summary>
    internal static readonly double[] AmrModes = [4.75, 5.15, 5.9, 6.7, 7.4, 7.95, 10.2, 12.2];

    public static Task<float[]> ApplyAsync(float[] audio, int sampleRate, CodecPlan codec, CancellationToken cancellationToken) => codec.Format switch
    {
        CodecPlan.Mp3 => FfmpegAsync(audio, sampleRate, "libmp3lame", "mp3", codec.Kbps, cancellationToken),
        CodecPlan.Opus => FfmpegAsync(audio, sampleRate, "libopus", "ogg", codec.Kbps, cancellationToken),
        CodecPlan.Gsm => SoxAsync(audio, sampleRate, "gsm", [], cancellationToken),
        CodecPlan.AmrNb => SoxAsync(audio, sampleRate, "amr-nb", ["-C", AmrMode(codec.Kbps).ToString(CultureInfo.InvariantCulture)], cancellationToken),
        _ => throw new ArgumentException($"unknown codec '{codec.Format}' (known: {string.Join(", ", CodecPlan.Formats)})"),
    };

    /// <summary>Checks that each format round-trips on this machine.</summary>
    /// <exception cref="ArgumentException">A format is unknown or its encoder is missing here.</exception>
    public static async Task CheckAvailableAsync(IReadOnlyList<string> formats, CancellationToken cancellationToken)
    {
        var probe = new float[1600];
        for (var i = 0; i < probe.Length; i++)
        {
            probe[i] = (float)(0.3 * Math.Sin(2 * Math.PI * 440 * i / 16000));
        }

        foreach (var format in formats)
        {
            if (!CodecPlan.Formats.Contains(format))
            {
                throw new ArgumentException($"--codecs: unknown codec '{format}' (known: {string.Join(", ", CodecPlan.Formats)})");
            }

            try
            {
                await ApplyAsync(probe, 16000, new CodecPlan(format, format == CodecPlan.Mp3 ? 32 : 12.2), cancellationToken).ConfigureAwait(false);
            }
            catch (ExternalToolException e)
            {
                throw new ArgumentException($"--codecs {format}: this machine cannot encode it ({e.Message.ReplaceLineEndings(" ")}); leave it out of --codecs");
            }
        }
    }

    internal static int AmrMode(double kbps)
    {
        var mode = Array.IndexOf(AmrModes, kbps);
        return mode >= 0 ? mode : throw new ArgumentException($"AMR-NB has no {kbps} kbit/s mode (modes: {string.Join(", ", AmrModes)})");
    }

    private static async Task<float[]> FfmpegAsync(float[] audio, int sampleRate, string encoder, string container, double kbps, CancellationToken cancellationToken)
    {
        var rate = sampleRate.ToString(CultureInfo.InvariantCulture);
        string[] common = ["-nostdin", "-hide_banner", "-loglevel", "error", "-bitexact"];
        var encoded = await ExternalProcess.RunAsync(
            Ffmpeg,
            [.. common, "-f", "f32le", "-ar", rate, "-ac", "1", "-i", "pipe:0", "-c:a", encoder, "-b:a", $"{kbps.ToString(CultureInfo.InvariantCulture)}k", "-f", container, "pipe:1"],
            RawAudio.ToBytes(audio),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var decoded = await ExternalProcess.RunAsync(
            Ffmpeg,
            [.. common, "-f", container, "-i", "pipe:0", "-f", "f32le", "-ar", rate, "-ac", "1", "pipe:1"],
            encoded,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return RawAudio.FromBytes(decoded);
    }

    /// <summary>sox round trip through an 8 kHz codec; the codec works in 16-bit integers, so the clip runs at -6 dBFS peak.</summary>
    private static async Task<float[]> SoxAsync(float[] audio, int sampleRate, string type, string[] options, CancellationToken cancellationToken)
    {
        var peak = audio.Length == 0 ? 0 : audio.Max(MathF.Abs);
        var scale = peak > 0 ? 0.5f / peak : 1f;
        var scaled = audio.Select(s => s * scale).ToArray();
        var rate = sampleRate.ToString(CultureInfo.InvariantCulture);
        var encoded = await ExternalProcess.RunAsync(
            Sox,
            ["-D", "-R", "-t", "f32", "-r", rate, "-c", "1", "-", .. options, "-t", type, "-r", "8000", "-c", "1", "-"],
            RawAudio.ToBytes(scaled),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var decoded = RawAudio.FromBytes(await ExternalProcess.RunAsync(
            Sox,
            ["-D", "-R", "-t", type, "-r", "8000", "-c", "1", "-", "-t", "f32", "-r", rate, "-"],
            encoded,
            cancellationToken: cancellationToken).ConfigureAwait(false));
        for (var i = 0; i < decoded.Length; i++)
        {
            decoded[i] /= scale;
        }

        return decoded;
    }
}
