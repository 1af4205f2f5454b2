using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scraps.Data;
using Scraps.Trainer.Corpus.Text;

namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>
/// <c>corpus.json</c> in the output folder: the settings a corpus was built with (and a fingerprint of them), and
/// after a build its summary and composition (<see cref="CorpusComposition"/>). A re-run into the same folder resumes
/// only when the settings match, so a folder never mixes clips planned under different seeds, texts, voices or
/// augmentations.
/// </summary>
internal static class CorpusSettingsFile
{
    public const string FileName = "corpus.json";
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The settings that fix the corpus; <paramref name="sourceFiles"/> maps each text source to its file and Debian package.</summary>
    public static JsonObject Settings(
        SynthesisOptions options,
        IReadOnlyList<TextSentence> sentences,
        WordLists words,
        IReadOnlyDictionary<string, (string Path, string? Package)> sourceFiles,
        IReadOnlyList<ISpeechSynthesizer> engines,
        VoiceSplit split,
        int babbleTracks)
    {
        var shareTotal = options.TextKindShares.Values.Sum();
        var settings = new JsonObject
        {
            ["seed"] = options.Seed,
            ["sentences"] = sentences.Count,
            ["sentencesSha256"] = Hash(string.Join('\n', sentences.Select(s => $"{s.Source}\t{s.Text}"))),
            ["textSources"] = new JsonObject(sourceFiles.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => KeyValuePair.Create(s.Key, (JsonNode?)new JsonObject
            {
                ["path"] = s.Value.Path,
                ["package"] = s.Value.Package,
                ["sentences"] = sentences.Count(x => x.Source == s.Key),
            }))),
            ["textKinds"] = new JsonObject(TextKinds.All.Select(k => KeyValuePair.Create(k, (JsonNode?)Math.Round(options.TextKindShares.GetValueOrDefault(k) / shareTotal, 4)))),
            ["words"] = new JsonObject { ["common"] = words.Words.Count, ["firstNames"] = words.FirstNames.Count, ["surnames"] = words.Surnames.Count },
            ["wordsSha256"] = Hash(string.Join('\n', words.Words.Concat(words.FirstNames).Concat(words.Surnames))),
            ["voices"] = new JsonObject(engines.Select(e => KeyValuePair.Create(e.Name, (JsonNode?)e.Voices.Count))),
            ["voicesSha256"] = Hash(string.Join('\n', engines.SelectMany(e => e.Voices.Select(v => $"{e.Name}:{v}")))),
            ["validVoices"] = Strings(options.ValidVoices ?? []),
            ["testVoices"] = Strings(options.TestVoices ?? []),
            ["heldOutVoices"] = new JsonObject
            {
                ["valid"] = Strings(split.VoicesOf(DataSplits.Valid).Select(v => v.Id).Order(StringComparer.Ordinal)),
                ["test"] = Strings(split.VoicesOf(DataSplits.Test).Select(v => v.Id).Order(StringComparer.Ordinal)),
            },
            ["validShare"] = options.ValidShare,
            ["testShare"] = options.TestShare,
            ["weights"] = new JsonObject(options.Weights.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => KeyValuePair.Create(w.Key, (JsonNode?)w.Value))),
            ["augmentation"] = JsonSerializer.SerializeToNode(options.Augmentation, Indented),
            ["codecs"] = Strings(options.Codecs),
            ["babbleTracks"] = babbleTracks,
            // espeak-ng speaks in this process and writes phone times (since 0.6.0): a corpus begun by the espeak-ng
            // program has neither, and is not continued with clips that have them.
            ["phoneTimes"] = "espeak-ng",
        };
        if (options.VoiceWeights.Count > 0)
        {
            settings["voiceWeights"] = new JsonObject(options.VoiceWeights.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => KeyValuePair.Create(w.Key, (JsonNode?)w.Value)));
        }

        return settings;
    }

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

    public static void WriteSummary(string directory, JsonObject settings, SynthesisResult result, JsonObject composition)
    {
        var summary = new JsonObject
        {
            ["clips"] = result.Clips,
            ["built"] = result.Built,
            ["reused"] = result.Reused,
            ["failed"] = result.Failures.Count,
            ["audioHours"] = Math.Round(result.AudioHours, 4),
            ["elapsedSeconds"] = Math.Round(result.Elapsed.TotalSeconds, 2),
            ["jobs"] = result.Jobs,
            ["clipsPerSecond"] = Math.Round(result.ClipsPerSecond, 3),
            ["cpuSeconds"] = result.CpuSeconds is { } cpu ? Math.Round(cpu, 2) : null,
            ["clipsPerCpuSecond"] = result.ClipsPerCpuSecond is { } rate ? Math.Round(rate, 3) : null,
        };
        Write(Path.Combine(directory, FileName), new JsonObject
        {
            ["fingerprint"] = Fingerprint(settings),
            ["settings"] = settings.DeepClone(),
            ["summary"] = summary,
            ["composition"] = composition,
        });
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());

    private static void Write(string path, JsonObject content)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, content.ToJsonString(Indented));
        File.Move(temporary, path, overwrite: true);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
