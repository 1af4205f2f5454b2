using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Parquet.Schema;
using Parquet.Serialization;
using Scraps.Audio;

namespace Scraps.Inference.Tests.Manifests.Formats;

/// <summary>
/// Three generated clips (tones and noise, PCM16 at 16 kHz), as separate files for this project's manifest and
/// joined with silences into one recording for the segment formats, in a temp folder: the same utterances in every
/// format, so each must score to the same numbers.
/// </summary>
internal sealed class FormatFixture : IDisposable
{
    public static readonly (string Id, string Text, double Hz, double Seconds)[] Clips =
    [
        ("utt-a", "Turn the lights off.", 220, 1.25),
        ("utt-b", "What time is it?", 330, 0.9),
        ("utt-c", "Play some music please.", 440, 1.5),
    ];

    private const int Rate = 16000;
    private const int Gap = 4000; // samples of silence between clips in the long recording

    public FormatFixture()
    {
        Folder = Directory.CreateTempSubdirectory("scraps-formats-").FullName;
        Directory.CreateDirectory(Path.Combine(Folder, "clips"));
        var recording = new List<float>();
        for (var i = 0; i < Clips.Length; i++)
        {
            var samples = Generate(i);
            WavWriter.WritePcm16(Path.Combine(Folder, "clips", $"{Clips[i].Id}.wav"), samples, Rate);
            recording.AddRange(new float[Gap]);
            Offsets.Add(recording.Count);
            Lengths.Add(samples.Length);
            recording.AddRange(samples);
        }

        recording.AddRange(new float[Gap]);
        WavWriter.WritePcm16(RecordingPath, recording.ToArray(), Rate);
    }

    public string Folder { get; }

    public string RecordingPath => Path.Combine(Folder, "session.wav");

    /// <summary>Where each clip starts in the recording, in samples.</summary>
    public List<int> Offsets { get; } = [];

    public List<int> Lengths { get; } = [];

    public string Seconds(int samples) => (samples / (double)Rate).ToString("0.######", CultureInfo.InvariantCulture);

    public string WriteScraps()
    {
        var path = Path.Combine(Folder, "manifest.jsonl");
        File.WriteAllLines(path, Clips.Select(c => new JsonObject { ["id"] = c.Id, ["audio"] = $"clips/{c.Id}.wav", ["text"] = c.Text }.ToJsonString()));
        return path;
    }

    /// <summary>A NeMo manifest of segments of the recording (relative path, offset and duration), ids in an id field.</summary>
    public string WriteNemo()
    {
        var path = Path.Combine(Folder, "nemo.json");
        File.WriteAllLines(path, Clips.Select((c, i) => $$"""{"audio_filepath": "session.wav", "offset": {{Seconds(Offsets[i])}}, "duration": {{Seconds(Lengths[i])}}, "text": "{{c.Text}}", "id": "{{c.Id}}", "lang": "en"}"""));
        return path;
    }

    /// <summary>A Kaldi data directory with segments; wav.scp holds the recording's absolute path.</summary>
    public string WriteKaldi(params string[] extraWavScp)
    {
        var dir = Path.Combine(Folder, "kaldi");
        Directory.CreateDirectory(dir);
        File.WriteAllLines(Path.Combine(dir, "wav.scp"), [$"session {RecordingPath}", .. extraWavScp]);
        File.WriteAllLines(Path.Combine(dir, "text"), Clips.Select(c => $"{c.Id} {c.Text}"));
        File.WriteAllLines(Path.Combine(dir, "segments"), Clips.Select((c, i) => $"{c.Id} session {Seconds(Offsets[i])} {Seconds(Offsets[i] + Lengths[i])}"));
        File.WriteAllLines(Path.Combine(dir, "utt2spk"), Clips.Select(c => $"{c.Id} spk1"));
        return dir;
    }

    /// <summary>A gzipped Lhotse cuts manifest: one cut over the recording, a supervision per clip.</summary>
    public string WriteLhotseCuts()
    {
        var path = Path.Combine(Folder, "cuts.jsonl.gz");
        var recording = Recording();
        var supervisions = new JsonArray(Clips.Select((c, i) => (JsonNode)Supervision(i)).ToArray());
        var cut = new JsonObject { ["id"] = "cut-1", ["start"] = 0.0, ["duration"] = 10.0, ["channel"] = 0, ["supervisions"] = supervisions, ["recording"] = recording, ["type"] = "MonoCut" };
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(cut.ToJsonString() + "\n"));
        return path;
    }

    /// <summary>Lhotse supervisions beside their recordings manifest (found as the sibling "recordings" file).</summary>
    public string WriteLhotseSupervisions()
    {
        File.WriteAllText(Path.Combine(Folder, "lh_recordings.jsonl"), Recording().ToJsonString() + "\n");
        var path = Path.Combine(Folder, "lh_supervisions.jsonl");
        File.WriteAllLines(path, Clips.Select((_, i) => Supervision(i).ToJsonString()));
        return path;
    }

    /// <summary>Parquet in Hugging Face's layout: audio {bytes, path}, text, id.</summary>
    public string WriteParquet()
    {
        var path = Path.Combine(Folder, "data.parquet");
        var schema = new ParquetSchema(
            new DataField<string>("id"),
            new StructField("audio", new DataField<byte[]>("bytes"), new DataField<string>("path")),
            new DataField<string>("text"));
        var rows = Clips.Select(c => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["id"] = c.Id,
            ["audio"] = new Dictionary<string, object?> { ["bytes"] = (ReadOnlyMemory<byte>?)File.ReadAllBytes(Path.Combine(Folder, "clips", $"{c.Id}.wav")), ["path"] = $"{c.Id}.wav" },
            ["text"] = c.Text,
        }).ToArray();
        using var file = File.Create(path);
        ParquetSerializer.SerializeUntypedAsync(rows, schema, file).GetAwaiter().GetResult();
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private JsonObject Recording() => new()
    {
        ["id"] = "session",
        ["sources"] = new JsonArray(new JsonObject { ["type"] = "file", ["channels"] = new JsonArray(0), ["source"] = RecordingPath }),
        ["sampling_rate"] = Rate,
        ["num_samples"] = Offsets[^1] + Lengths[^1] + Gap,
        ["duration"] = (Offsets[^1] + Lengths[^1] + Gap) / (double)Rate,
        ["channel_ids"] = new JsonArray(0),
    };

    private JsonObject Supervision(int i) => new()
    {
        ["id"] = Clips[i].Id,
        ["recording_id"] = "session",
        ["start"] = double.Parse(Seconds(Offsets[i]), CultureInfo.InvariantCulture),
        ["duration"] = double.Parse(Seconds(Lengths[i]), CultureInfo.InvariantCulture),
        ["channel"] = 0,
        ["text"] = Clips[i].Text,
        ["speaker"] = "spk1",
    };

    private static float[] Generate(int index)
    {
        var (_, _, hz, seconds) = Clips[index];
        var random = new Random(index + 1);
        var samples = new float[(int)(seconds * Rate)];
        for (var n = 0; n < samples.Length; n++)
        {
            var t = n / (double)Rate;
            samples[n] = (float)((0.3 * Math.Sin(2 * Math.PI * hz * t * (1 + (0.5 * t)))) + (0.05 * ((random.NextDouble() * 2) - 1)));
        }

        return samples;
    }
}
