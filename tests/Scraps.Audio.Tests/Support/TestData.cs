using System.Text.Json;

namespace Scraps.Audio.Tests.Support;

/// <summary>Files under tests/testdata (copied next to the test assembly) and the torchaudio reference index.</summary>
internal static class TestData
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "testdata");

    public static string Audio(string name) => Path.Combine(Root, "audio", name);

    public static string Reference(string name) => Path.Combine(Root, "reference", name);

    public static byte[] AudioBytes(string name) => File.ReadAllBytes(Audio(name));

    public static float[] ReadF32(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var values = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, values, 0, values.Length * 4);
        return values;
    }

    /// <summary>Each reference clip: file name, input rate, log-mel file and its [frames, 80] shape.</summary>
    public static IReadOnlyList<ReferenceClip> Clips()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Reference("index.json")));
        var clips = new List<ReferenceClip>();
        foreach (var file in doc.RootElement.GetProperty("files").EnumerateObject())
        {
            var shape = file.Value.GetProperty("logmel_shape");
            clips.Add(new ReferenceClip(
                file.Name,
                file.Value.GetProperty("input_sr").GetInt32(),
                file.Value.GetProperty("input_samples").GetInt32(),
                file.Value.GetProperty("logmel").GetString()!,
                shape[0].GetInt32()));
        }

        return clips;
    }

    public static ReferenceClip Clip(string name) => Clips().Single(c => c.Audio == name);

    internal sealed record ReferenceClip(string Audio, int SampleRate, int Samples, string LogMelFile, int Frames)
    {
        public override string ToString() => Audio;
    }
}
