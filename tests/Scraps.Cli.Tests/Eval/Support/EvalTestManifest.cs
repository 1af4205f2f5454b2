using System.Text.Json;

namespace Scraps.Cli.Tests.Eval.Support;

/// <summary>
/// A small test manifest in a temporary folder: speech clips copied from testdata/audio with their transcripts (one
/// line as X-SAMPA), audio paths relative to the manifest. Extra raw lines (bad JSON, missing audio...) can be added.
/// </summary>
internal sealed class EvalTestManifest : IDisposable
{
    /// <summary>(clip in testdata/audio, transcript or null, X-SAMPA or null).</summary>
    public static readonly (string Clip, string? Text, string? Phonemes)[] Clips =
    [
        ("speech_16k_pcm16.wav", "Alexa, end this call on my phone.", null),
        ("flite_16k_pcm16.wav", "Do I have any appointments on June nineteenth?", null),
        ("speech_22k_pcm16.wav", "Alexa, end this call on my phone.", null),
        ("flite_16k.flac", "Do I have any appointments on June nineteenth?", null),
        ("speech_44k_stereo_pcm24.wav", "Alexa, end this call on my phone.", null),
        ("speech_8k_u8.wav", "End this call, Alexa.", null),
        ("speech_16k_float32.wav", null, "h @ l \" oU |, w \" 3: l d |."),
        ("chirp_16k.wav", "A rising whistle.", null),
    ];

    public EvalTestManifest(int clips = 8, IEnumerable<string>? extraLines = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "scraps-cli-eval-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Folder, "wavs"));
        var lines = new List<string>();
        for (var i = 0; i < clips; i++)
        {
            var (clip, text, phonemes) = Clips[i % Clips.Length];
            var name = $"u{i}{Path.GetExtension(clip)}";
            File.Copy(Path.Combine(AppContext.BaseDirectory, "testdata", "audio", clip), Path.Combine(Folder, "wavs", name));
            lines.Add(JsonSerializer.Serialize(new { id = $"u{i}", audio = $"wavs/{name}", text, phonemes, speaker = "s1" }));
        }

        lines.AddRange(extraLines ?? []);
        ManifestPath = Path.Combine(Folder, "test.jsonl");
        File.WriteAllLines(ManifestPath, lines);
    }

    public string Folder { get; }

    public string ManifestPath { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }
}
