using System.Globalization;

namespace Scraps.Inference.Manifests.Formats;

/// <summary>
/// A Kaldi data directory's tables: <c>wav.scp</c> (recording id, path), <c>text</c> (utterance id, transcript),
/// optional <c>segments</c> (utterance id, recording id, start, end in seconds) and <c>utt2spk</c>. A <c>wav.scp</c>
/// entry that is a command (ending in <c>|</c>, or an extended filename such as <c>sph2pipe ... |</c>) is refused,
/// never run: scoring reads files only. Every table line is kept with its number, for messages and for writing
/// filtered copies.
/// </summary>
public sealed class KaldiDataDirectory
{
    private KaldiDataDirectory(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>Recording id -> (path, or null with the reason it cannot be used; line number).</summary>
    public Dictionary<string, (string? Path, string? Problem, long Line, string Text)> Recordings { get; } = new(StringComparer.Ordinal);

    /// <summary>The <c>text</c> table in order: (line number, utterance id, transcript, raw line); bad lines have a null id.</summary>
    public List<(long Line, string? Utterance, string Transcript, string Text)> Transcripts { get; } = [];

    /// <summary>Utterance id -> (recording id, start, end, line number); null when there is no <c>segments</c> file.</summary>
    public Dictionary<string, (string Recording, double Start, double End, long Line, string Text)>? Segments { get; private set; }

    /// <summary>Bad lines of <c>segments</c>, by utterance id where it could be read.</summary>
    public Dictionary<string, string> SegmentProblems { get; } = new(StringComparer.Ordinal);

    /// <summary>Utterance id -> speaker id (and the raw line); null without <c>utt2spk</c>.</summary>
    public Dictionary<string, (string Speaker, string Text)>? Speakers { get; private set; }

    /// <exception cref="ManifestInputException">No wav.scp or text in the folder.</exception>
    public static KaldiDataDirectory Read(string path)
    {
        var folder = System.IO.Path.GetFileName(path) == "wav.scp" ? System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))! : path;
        foreach (var required in new[] { "wav.scp", "text" })
        {
            if (!File.Exists(System.IO.Path.Combine(folder, required)))
            {
                throw new ManifestInputException($"'{folder}' has no {required}: not a Kaldi data directory");
            }
        }

        var data = new KaldiDataDirectory(folder);
        foreach (var (line, key, value, text) in Table(System.IO.Path.Combine(folder, "wav.scp")))
        {
            data.Recordings[key] = IsCommand(value)
                ? (null, $"wav.scp line {line}: '{key}' is a command ('{value}'); scoring reads files and runs no command: write the audio to files and list them", line, text)
                : (value, value.Length == 0 ? $"wav.scp line {line}: '{key}' has no path" : null, line, text);
        }

        foreach (var (line, key, value, text) in Table(System.IO.Path.Combine(folder, "text")))
        {
            data.Transcripts.Add((line, key, value, text));
        }

        var segments = System.IO.Path.Combine(folder, "segments");
        if (File.Exists(segments))
        {
            data.Segments = new Dictionary<string, (string, double, double, long, string)>(StringComparer.Ordinal);
            foreach (var (line, key, value, text) in Table(segments))
            {
                var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length != 3
                    || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var start)
                    || !double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var end)
                    || start < 0 || !(end > start))
                {
                    data.SegmentProblems[key] = $"segments line {line}: expected '<utterance> <recording> <start> <end>' with 0 <= start < end, found '{text}'";
                    continue;
                }

                data.Segments[key] = (fields[0], start, end, line, text);
            }
        }

        var utt2spk = System.IO.Path.Combine(folder, "utt2spk");
        if (File.Exists(utt2spk))
        {
            data.Speakers = Table(utt2spk).ToDictionary(t => t.Key, t => (t.Value, t.Text), StringComparer.Ordinal);
        }

        return data;
    }

    /// <summary>Lines "key value..." of a Kaldi table, with their numbers; blank lines skipped.</summary>
    private static IEnumerable<(long Line, string Key, string Value, string Text)> Table(string path)
    {
        long number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var text = raw.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var space = text.IndexOfAny([' ', '\t']);
            yield return space < 0 ? (number, text, string.Empty, raw) : (number, text[..space], text[(space + 1)..].Trim(), raw);
        }
    }

    /// <summary>A wav.scp "extended filename": a pipe to read from (<c>cmd |</c>) or into (<c>| cmd</c>).</summary>
    private static bool IsCommand(string value) => value.EndsWith('|') || value.StartsWith('|');
}
