using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>
/// <c>corpus.json</c> in the output folder: the settings a corpus was built with (and a fingerprint of them),
/// and after a build, its summary. A re-run into the same folder resumes only when the settings match, so a
/// folder never mixes clips planned under different seeds, voices or augmentations.
/// </summary>
internal static class CorpusSettingsFile
{
    public const string FileName = "corpus.json";
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject Settings(SynthesisOptions options, IReadOnlyList<string> sentences, IReadOnlyList<ISpeechSynthesizer> engines, int babbleTracks) => new()
    {
        ["seed"] = options.Seed,
        ["sentences"] = sentences.Count,
        ["sentencesSha256"] = Hash(string.Join('\n', sentences)),
        ["voices"] = new JsonObject(engines.Select(e => KeyValuePair.Create(e.Name, (JsonNode?)e.Voices.Count))),
        ["voicesSha256"] = Hash(string.Join('\n', engines.SelectMany(e => e.Voices.Select(v => $"{e.Name}:{v}")))),
        ["validVoices"] = new JsonArray(options.ValidVoicesFor(engines).Select(v => (JsonNode?)v).ToArray()),
        ["testSynthesizer"] = options.TestSynthesizer,
        ["validShare"] = options.ValidShare,
        ["testShare"] = options.TestShare,
        ["weights"] = new JsonObject(options.Weights.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => KeyValuePair.Create(w.Key, (JsonNode?)w.Value))),
        ["augmentation"] = JsonSerializer.SerializeToNode(options.Augmentation, Indented),
        ["babbleTracks"] = babbleTracks,
    };

    public static string Fingerprint(JsonObject settings) => Hash(settings.ToJsonString());

    /// <summary>Writes the settings, or checks them against the ones already in the folder.</summary>
    /// <exception cref="ArgumentException">The folder holds a corpus built with other settings.</exception>
    public static void WriteOrCheck(string directory, JsonObject settings)
    {
        var path = Path.Combine(directory, FileName);
        var fingerprint = Fingerprint(settings);
        if (File.Exists(path))
        {
            var existing = JsonNode.Parse(File.ReadAllText(path))?["fingerprint"]?.GetValue<string>();
            if (existing != fingerprint)
            {
                throw new ArgumentException(
                    $"{directory} holds a corpus built with other settings (seed, text, voices, splits or augmentation differ); use another --out folder or the same settings to resume it");
            }

            return;
        }

        Write(path, new JsonObject { ["fingerprint"] = fingerprint, ["settings"] = settings.DeepClone() });
    }

    public static void WriteSummary(string directory, JsonObject settings, SynthesisResult result)
    {
        var summary = new JsonObject
        {
            ["clips"] = result.Clips,
            ["built"] = result.Built,
            ["reused"] = result.Reused,
            ["failed"] = result.Failures.Count,
            ["splits"] = new JsonObject(result.SplitCounts.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))),
            ["synthesizers"] = new JsonObject(result.EngineCounts.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))),
            ["audioHours"] = Math.Round(result.AudioHours, 4),
            ["elapsedSeconds"] = Math.Round(result.Elapsed.TotalSeconds, 2),
            ["clipsPerSecond"] = Math.Round(result.ClipsPerSecond, 3),
        };
        Write(Path.Combine(directory, FileName), new JsonObject
        {
            ["fingerprint"] = Fingerprint(settings),
            ["settings"] = settings.DeepClone(),
            ["summary"] = summary,
        });
    }

    private static void Write(string path, JsonObject content)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, content.ToJsonString(Indented));
        File.Move(temporary, path, overwrite: true);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
