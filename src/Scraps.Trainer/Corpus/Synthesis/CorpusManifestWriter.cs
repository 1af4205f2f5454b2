using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Scraps.Data;
using Scraps.Trainer.Corpus.Text;

namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>
/// Writes a synthetic corpus's manifests: each line is the manifest contract's line (<see cref="Manifest.Format"/>)
/// plus "textKind" and "textSource", which say what kind of utterance the clip is and where its words came from.
/// Readers of the contract skip fields they do not know, so the feature cache and the trainer read these files as
/// any other manifest.
/// </summary>
internal static class CorpusManifestWriter
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(string path, IEnumerable<(ManifestEntry Entry, PlannedText Text)> entries)
    {
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false)))
        {
            foreach (var (entry, text) in entries)
            {
                writer.Write(Line(entry, text));
                writer.Write('\n');
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    internal static string Line(ManifestEntry entry, PlannedText text)
    {
        var line = Manifest.Format(entry);
        return $"{line[..^1]},\"textKind\":{JsonSerializer.Serialize(text.Kind, Relaxed)},\"textSource\":{JsonSerializer.Serialize(text.Source, Relaxed)}}}";
    }
}
