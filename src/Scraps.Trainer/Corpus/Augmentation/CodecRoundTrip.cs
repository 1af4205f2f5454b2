using System.Globalization;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>Encodes with a lossy codec (MP3 via libmp3lame, Opus via libopus) and decodes back, through ffmpeg.</summary>
internal static class CodecRoundTrip
{
    private const string Program = "ffmpeg";

    public static async Task<float[]> ApplyAsync(float[] audio, int sampleRate, CodecPlan codec, CancellationToken cancellationToken)
    {
        var rate = sampleRate.ToString(CultureInfo.InvariantCulture);
        var (encoder, container) = codec.Format switch
        {
            CodecPlan.Mp3 => ("libmp3lame", "mp3"),
            CodecPlan.Opus => ("libopus", "ogg"),
            _ => throw new ArgumentException($"unknown codec '{codec.Format}' (expected mp3 or opus)"),
        };
        string[] common = ["-nostdin", "-hide_banner", "-loglevel", "error", "-bitexact"];
        var encoded = await ExternalProcess.RunAsync(
            Program,
            [.. common, "-f", "f32le", "-ar", rate, "-ac", "1", "-i", "pipe:0", "-c:a", encoder, "-b:a", $"{codec.Kbps}k", "-f", container, "pipe:1"],
            RawAudio.ToBytes(audio),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var decoded = await ExternalProcess.RunAsync(
            Program,
            [.. common, "-f", container, "-i", "pipe:0", "-f", "f32le", "-ar", rate, "-ac", "1", "pipe:1"],
            encoded,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return RawAudio.FromBytes(decoded);
    }
}
