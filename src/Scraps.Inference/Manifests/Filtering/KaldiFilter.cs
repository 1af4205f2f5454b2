using System.Globalization;
using System.Text;
using Scraps.Inference.Manifests.Formats;

namespace Scraps.Inference.Manifests.Filtering;

/// <summary>
/// Kaldi: two data directories, kept and dropped, each with the lines of <c>text</c>, <c>segments</c> and
/// <c>utt2spk</c> of its utterances as they were, <c>spk2utt</c> made from that <c>utt2spk</c> (Kaldi's tools want
/// both), the <c>wav.scp</c> lines of the recordings they use, and <c>scraps_scores</c>
/// (<c>utterance score probability match unsupported-words</c>, words joined by commas).
/// </summary>
internal static class KaldiFilter
{
    public static void Write(ManifestSource source, FilterTally tally, string keptPath, string droppedPath, CancellationToken cancellationToken)
    {
        var data = KaldiDataDirectory.Read(source.Path);
        foreach (var folder in new[] { keptPath, droppedPath })
        {
            // Replaced as a whole when written: only ever a folder this command wrote (or none).
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any() && !File.Exists(Path.Combine(folder, "scraps_scores")))
            {
                throw new ArgumentException($"'{folder}' exists and is not a filtered data directory written by scraps filter: give a new folder");
            }
        }

        var kept = new List<(string Utterance, ScoreVerdict Verdict)>();
        var dropped = new List<(string Utterance, ScoreVerdict Verdict)>();
        foreach (var (_, utterance, _, _) in data.Transcripts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (tally.Next(utterance) is { } decision)
            {
                (decision.Keep ? kept : dropped).Add((utterance!, decision.Verdict));
            }
        }

        WriteDirectory(data, kept, keptPath);
        WriteDirectory(data, dropped, droppedPath);
    }

    private static void WriteDirectory(KaldiDataDirectory data, List<(string Utterance, ScoreVerdict Verdict)> chosen, string folder)
    {
        var ids = chosen.Select(c => c.Utterance).ToHashSet(StringComparer.Ordinal);
        var staging = Path.GetFullPath(folder) + ".partial";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        Lines(staging, "text", data.Transcripts.Where(t => t.Utterance is not null && ids.Contains(t.Utterance)).Select(t => t.Text));
        var recordings = new HashSet<string>(StringComparer.Ordinal);
        if (data.Segments is { } segments)
        {
            var used = segments.Where(s => ids.Contains(s.Key)).OrderBy(s => s.Value.Line).ToArray();
            Lines(staging, "segments", used.Select(s => s.Value.Text));
            recordings.UnionWith(used.Select(s => s.Value.Recording));
        }
        else
        {
            recordings.UnionWith(ids);
        }

        Lines(staging, "wav.scp", data.Recordings.Where(r => recordings.Contains(r.Key)).OrderBy(r => r.Value.Line).Select(r => r.Value.Text));
        if (data.Speakers is { } speakers)
        {
            var used = speakers.Where(s => ids.Contains(s.Key)).ToArray();
            Lines(staging, "utt2spk", used.Select(s => s.Value.Text));
            Lines(staging, "spk2utt", used.GroupBy(s => s.Value.Speaker, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} {string.Join(' ', g.Select(s => s.Key).Order(StringComparer.Ordinal))}"));
        }

        Lines(staging, "scraps_scores", chosen.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{c.Utterance} {c.Verdict.Score:0.######} {c.Verdict.Probability:0.######} {(c.Verdict.Match ? "true" : "false")} {string.Join(',', c.Verdict.UnsupportedWords)}").TrimEnd()));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.Move(staging, folder);
    }

    private static void Lines(string folder, string name, IEnumerable<string> lines) =>
        File.WriteAllLines(Path.Combine(folder, name), lines, new UTF8Encoding(false));
}
