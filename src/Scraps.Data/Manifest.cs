using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Scraps.Data;

/// <summary>
/// Reads and writes manifests: JSON Lines, one utterance a line (DESIGN.md, "Contracts"). Reading streams the
/// file and reports a bad line as a <see cref="ManifestLine"/> with an error and its line number instead of
/// stopping, so one broken line in a large found-data manifest costs that line only.
/// </summary>
public static class Manifest
{
    // Relaxed escaping keeps the lines readable ("en-gb+f3", "don't"); the output is a file, never HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Streams the manifest's non-blank lines, each parsed or with the reason it is invalid.</summary>
    /// <exception cref="FileNotFoundException">The manifest does not exist.</exception>
    public static IEnumerable<ManifestLine> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"manifest not found: {path}", path);
        }

        return ReadLines(path);
    }

    /// <summary>
    /// Reads every valid entry; each bad line (including a repeated id) goes to <paramref name="onBadLine"/>.
    /// </summary>
    public static IReadOnlyList<ManifestEntry> ReadValid(string path, Action<ManifestLine>? onBadLine = null)
    {
        var entries = new List<ManifestEntry>();
        foreach (var line in Read(path))
        {
            if (line.Entry is { } entry)
            {
                entries.Add(entry);
            }
            else
            {
                onBadLine?.Invoke(line);
            }
        }

        return entries;
    }

    /// <summary>Parses one manifest line.</summary>
    /// <exception cref="ManifestFormatException">The line is not a valid manifest entry.</exception>
    public static ManifestEntry Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new ManifestFormatException($"not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ManifestFormatException($"expected a JSON object, found {root.ValueKind}");
            }

            var id = RequiredString(root, "id");
            var audio = RequiredString(root, "audio");
            var text = OptionalString(root, "text");
            var phonemes = OptionalString(root, "phonemes");
            if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(phonemes))
            {
                throw new ManifestFormatException($"entry '{id}' has neither 'text' nor 'phonemes'");
            }

            JsonElement? augmentation = null;
            if (root.TryGetProperty("augmentation", out var aug) && aug.ValueKind != JsonValueKind.Null)
            {
                if (aug.ValueKind != JsonValueKind.Object)
                {
                    throw new ManifestFormatException($"entry '{id}': 'augmentation' must be an object");
                }

                augmentation = aug.Clone();
            }

            var split = OptionalString(root, "split");
            return new ManifestEntry(id, audio, NullIfBlank(text), NullIfBlank(phonemes), OptionalString(root, "speaker"))
            {
                Voice = OptionalString(root, "voice"),
                Synthesizer = OptionalString(root, "synthesizer"),
                Split = split is null ? null : DataSplits.Normalize(split),
                Duration = OptionalNumber(root, "duration", id),
                Augmentation = augmentation,
                PhoneTimes = OptionalString(root, "phoneTimes"),
                Source = OptionalString(root, "source"),
            };
        }
    }

    /// <summary>Formats one entry as a single JSON line (no line break). Core fields always appear.</summary>
    public static string Format(ManifestEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("id", entry.Id);
            json.WriteString("audio", entry.Audio);
            json.WriteString("text", entry.Text);
            json.WriteString("phonemes", entry.Phonemes);
            json.WriteString("speaker", entry.Speaker);
            if (entry.Voice is not null)
            {
                json.WriteString("voice", entry.Voice);
            }

            if (entry.Synthesizer is not null)
            {
                json.WriteString("synthesizer", entry.Synthesizer);
            }

            if (entry.Split is not null)
            {
                json.WriteString("split", entry.Split);
            }

            if (entry.Duration is { } duration)
            {
                json.WriteNumber("duration", Math.Round(duration, 4));
            }

            if (entry.Augmentation is { } augmentation)
            {
                json.WritePropertyName("augmentation");
                augmentation.WriteTo(json);
            }

            if (entry.PhoneTimes is not null)
            {
                json.WriteString("phoneTimes", entry.PhoneTimes);
            }

            if (entry.Source is not null)
            {
                json.WriteString("source", entry.Source);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the entries to <paramref name="path"/> atomically (a temporary file renamed over it).</summary>
    public static void Write(string path, IEnumerable<ManifestEntry> entries)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(entries);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
        {
            writer.NewLine = "\n";
            foreach (var entry in entries)
            {
                writer.WriteLine(Format(entry));
            }
        }

        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>The absolute path of an entry's audio: relative paths are relative to the manifest's folder.</summary>
    public static string ResolveAudioPath(string manifestPath, ManifestEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var folder = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        return Path.GetFullPath(Path.Combine(folder, entry.Audio));
    }

    /// <summary>The path to store in a manifest at <paramref name="manifestPath"/> for an audio file.</summary>
    public static string RelativeAudioPath(string manifestPath, string audioPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        return Path.GetRelativePath(folder, Path.GetFullPath(audioPath)).Replace('\\', '/');
    }

    private static IEnumerable<ManifestLine> ReadLines(string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var text in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var (entry, error) = TryParse(text);
            if (entry is null)
            {
                yield return new ManifestLine(number, null, $"{path}:{number}: {error}");
                continue;
            }

            if (!seen.Add(entry.Id))
            {
                yield return new ManifestLine(number, null, $"{path}:{number}: duplicate id '{entry.Id}'");
                continue;
            }

            yield return new ManifestLine(number, entry, null);
        }
    }

    private static (ManifestEntry? Entry, string? Error) TryParse(string line)
    {
        try
        {
            return (Parse(line), null);
        }
        catch (ManifestFormatException e)
        {
            return (null, e.Message);
        }
    }

    private static string RequiredString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new ManifestFormatException($"missing or empty string field '{name}'");
        }

        return value.GetString()!;
    }

    private static string? OptionalString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new ManifestFormatException($"field '{name}' must be a string or null, found {value.ValueKind}");
        }

        return value.GetString();
    }

    private static double? OptionalNumber(JsonElement root, string name, string id)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || number < 0)
        {
            throw new ManifestFormatException($"entry '{id}': field '{name}' must be a non-negative number");
        }

        return number;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
