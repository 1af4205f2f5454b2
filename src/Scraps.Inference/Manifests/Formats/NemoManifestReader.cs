using System.Globalization;
using System.Text.Json;

namespace Scraps.Inference.Manifests.Formats;

/// <summary>
/// A NeMo manifest: JSON Lines with <c>audio_filepath</c>, the transcript in <c>text</c> (or the field named by
/// <see cref="TextField"/>), and optional <c>offset</c> and <c>duration</c> in seconds (a segment of a longer file).
/// NeMo has no utterance id: an entry is named by its <c>id</c> field where it has one (a field NeMo keeps as it
/// is), else by its audio path, with <c>@offset</c> for a segment, so a resumed run finds it again.
/// </summary>
public sealed class NemoManifestReader(string path, string textField = "text") : IManifestReader
{
    public ManifestFormat Format => ManifestFormat.Nemo;

    public string Path { get; } = path;

    public string TextField { get; } = textField;

    public string AudioRoot => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;

    public IEnumerable<ManifestItem> Read(CancellationToken cancellationToken = default)
    {
        foreach (var (number, text) in JsonLinesReader.Lines(Path))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Parse($"line {number}", text, TextField);
        }
    }

    /// <summary>The id of a NeMo line: its <c>id</c> field, else its audio path (with <c>@offset</c> for a segment).</summary>
    public static string IdOf(string audio, double? offset, string? id) =>
        id ?? (offset is { } o ? string.Create(CultureInfo.InvariantCulture, $"{audio}@{o:0.###}") : audio);

    internal static ManifestItem Parse(string where, string line, string textField)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return ManifestItem.Bad(where, $"bad JSON: {JsonLineError.Describe(e)}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ManifestItem.Bad(where, $"expected a JSON object, found {root.ValueKind}");
            }

            var audio = Text(root, "audio_filepath");
            if (string.IsNullOrWhiteSpace(audio))
            {
                return ManifestItem.Bad(where, "missing 'audio_filepath'");
            }

            double? offset, duration;
            try
            {
                (offset, duration) = (Seconds(root, "offset"), Seconds(root, "duration"));
            }
            catch (FormatException e)
            {
                return ManifestItem.Bad(where, e.Message);
            }

            var id = IdOf(audio, offset, Text(root, "id"));
            var transcript = Text(root, textField);
            if (string.IsNullOrWhiteSpace(transcript))
            {
                return ManifestItem.Bad(where, $"entry '{id}' has no '{textField}'", id);
            }

            // NeMo writes duration for whole files too: it only makes a segment together with an offset.
            var segment = offset is not null;
            return ManifestItem.Ok(where, new ScoringManifestEntry(id, audio, transcript, null)
            {
                Offset = segment ? offset : null,
                Duration = segment ? duration : null,
                Speaker = Text(root, "speaker"),
            });
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Seconds(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.GetDouble() is var seconds && seconds >= 0 && double.IsFinite(seconds)
            ? seconds
            : throw new FormatException($"'{name}' must be a number of seconds, at least 0; found {value.GetRawText()}");
    }
}
