namespace Scraps.Inference.Manifests.Formats;

/// <summary>
/// The utterances of a Kaldi data directory, in the order of its <c>text</c>: each with its recording's path from
/// <c>wav.scp</c>, its span from <c>segments</c> when there is one (else the utterance id is the recording id) and its
/// speaker from <c>utt2spk</c>. Relative paths are taken from the current directory, as Kaldi's recipes do.
/// </summary>
public sealed class KaldiManifestReader(string path) : IManifestReader
{
    public ManifestFormat Format => ManifestFormat.Kaldi;

    public string Path { get; } = path;

    public string AudioRoot => Directory.GetCurrentDirectory();

    public IEnumerable<ManifestItem> Read(CancellationToken cancellationToken = default)
    {
        var data = KaldiDataDirectory.Read(Path);
        foreach (var (line, utterance, transcript, _) in data.Transcripts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Item(data, $"text line {line}", utterance!, transcript);
        }
    }

    private static ManifestItem Item(KaldiDataDirectory data, string where, string utterance, string transcript)
    {
        if (string.IsNullOrWhiteSpace(transcript))
        {
            return ManifestItem.Bad(where, $"utterance '{utterance}' has no transcript", utterance);
        }

        string recording = utterance;
        double? offset = null, duration = null;
        if (data.Segments is { } segments)
        {
            if (data.SegmentProblems.TryGetValue(utterance, out var problem))
            {
                return ManifestItem.Bad(where, problem, utterance);
            }

            if (!segments.TryGetValue(utterance, out var segment))
            {
                return ManifestItem.Bad(where, $"utterance '{utterance}' is not in segments", utterance);
            }

            (recording, offset, duration) = (segment.Recording, segment.Start, segment.End - segment.Start);
        }

        if (!data.Recordings.TryGetValue(recording, out var source))
        {
            return ManifestItem.Bad(where, $"recording '{recording}' of utterance '{utterance}' is not in wav.scp", utterance);
        }

        if (source.Problem is { } bad)
        {
            return ManifestItem.Bad(where, bad, utterance);
        }

        return ManifestItem.Ok(where, new ScoringManifestEntry(utterance, source.Path!, transcript, null)
        {
            Offset = offset,
            Duration = duration,
            Speaker = data.Speakers?.GetValueOrDefault(utterance).Speaker,
        });
    }
}
