using System.Diagnostics;
using Scraps.Audio;
using Scraps.Inference.Encoders;
using Scraps.Inference.Scoring;

namespace Scraps.Inference.Manifests;

/// <summary>
/// Scores every utterance of a manifest (one shard of it; any format of <see cref="Formats.ManifestFormat"/>) into a
/// JSON Lines output, one <c>{id, score, probability, match}</c> a line. Streams both (memory does not grow with the
/// manifest, apart from the set of ids written), appends to an existing output and skips the ids already in it, and
/// reports bad utterances (bad JSON, missing or undecodable audio, unknown phonemes...) without stopping. Segments of
/// longer recordings (offset and duration) are cut from the recording decoded once (<see cref="Formats.RecordingCache"/>).
/// </summary>
public sealed class ManifestScoringJob(ScrapsScorer scorer, ManifestScoringOptions options)
{
    public ManifestScoringSummary Run(IManifestScoringObserver observer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observer);
        options.Validate();
        var stopwatch = Stopwatch.StartNew();
        var reader = options.ManifestSource.Open();
        var recordings = new Formats.RecordingCache(options.RecordingCacheBytes, options.MaxRecording);
        var shardLines = CountShardLines(reader, cancellationToken);

        using var output = ScoreOutputFile.OpenForAppend(options.OutputPath);
        var done = output.CompletedIds;
        var scoredNow = new HashSet<string>(StringComparer.Ordinal);
        observer.Started(shardLines, done.Count);

        long handled = 0, scored = 0, alreadyScored = 0, skipped = 0;
        var pending = new List<PendingLine>(options.BatchSize);

        void Skip(string where, string? id, string reason)
        {
            skipped++;
            observer.LineSkipped(where, id, reason);
        }

        void Flush()
        {
            if (pending.Count == 0)
            {
                return;
            }

            // Lines are reported in manifest order: early errors (bad JSON, duplicate id) wait here with the rest.
            var prepared = Prepare(pending, reader.AudioRoot, recordings, cancellationToken);
            var ready = new List<(PendingLine Line, LogMel Audio, PhoneticInput Phonemes)>(prepared.Length);
            var warnings = new Dictionary<PendingLine, IReadOnlyList<string>>();
            for (var i = 0; i < prepared.Length; i++)
            {
                if (prepared[i].Error is { } error)
                {
                    Skip(pending[i].Where, pending[i].Entry?.Id ?? pending[i].Id, error);
                }
                else
                {
                    ready.Add((pending[i], prepared[i].Audio!, prepared[i].Phonemes!));
                    warnings[pending[i]] = prepared[i].Warnings;
                }
            }

            foreach (var (line, result) in Score(ready, cancellationToken))
            {
                if (result.Error is { } error)
                {
                    Skip(line.Where, line.Entry!.Id, error);
                    continue;
                }

                output.Write(line.Entry!.Id, result.Score!, warnings.GetValueOrDefault(line) ?? []);
                scored++;
            }

            output.Flush();
            handled += pending.Count;
            pending.Clear();
            observer.Advanced(handled);
        }

        void Add(PendingLine line)
        {
            pending.Add(line);
            if (pending.Count >= options.BatchSize)
            {
                Flush();
            }
        }

        long ordinal = -1;
        foreach (var item in reader.Read(cancellationToken))
        {
            ordinal++;
            if (!options.Shard.Contains(ordinal))
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (item.Entry is not { } entry)
            {
                Add(new PendingLine(item.Where, item.Id, null, item.Error));
                continue;
            }

            if (done.Contains(entry.Id))
            {
                alreadyScored++;
                handled++;
                continue;
            }

            Add(scoredNow.Add(entry.Id)
                ? new PendingLine(item.Where, entry.Id, entry, null)
                : new PendingLine(item.Where, entry.Id, entry, $"duplicate id '{entry.Id}' (an earlier utterance of this manifest has it)"));
        }

        Flush();
        observer.Advanced(handled);
        return new ManifestScoringSummary(shardLines, scored, alreadyScored, skipped, stopwatch.Elapsed);
    }

    private long CountShardLines(Formats.IManifestReader reader, CancellationToken cancellationToken)
    {
        long ordinal = -1, count = 0;
        foreach (var _ in reader.Read(cancellationToken))
        {
            if (options.Shard.Contains(++ordinal))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Decodes audio and phonemises text for a batch, in parallel; a failure is that line's error.</summary>
    private Prepared[] Prepare(List<PendingLine> lines, string audioRoot, Formats.RecordingCache recordings, CancellationToken cancellationToken)
    {
        var prepared = new Prepared[lines.Count];
        Parallel.For(
            0,
            lines.Count,
            new ParallelOptions { MaxDegreeOfParallelism = options.PreparationThreads, CancellationToken = cancellationToken },
            i =>
            {
                if (lines[i].Error is { } early)
                {
                    prepared[i] = new Prepared(null, null, early);
                    return;
                }

                var entry = lines[i].Entry!;
                try
                {
                    // Explicit phonemes win over the transcript when a line has both.
                    var phonemes = entry.Phonemes is not null ? scorer.Inputs.Phonemes(null, entry.Phonemes, options.Words) : scorer.Inputs.Phonemes(entry.Text, null, options.Words);
                    var clip = PrepareAudio(entry, audioRoot, recordings);
                    prepared[i] = new Prepared(clip.Features, phonemes, null) { Warnings = clip.Warnings };
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    prepared[i] = new Prepared(null, null, Describe(e));
                }
            });
        return prepared;
    }

    /// <summary>The utterance's clip: its bytes (Parquet), its whole file, or its segment of a decoded recording.</summary>
    private PreparedClip PrepareAudio(ScoringManifestEntry entry, string audioRoot, Formats.RecordingCache recordings)
    {
        if (entry.AudioBytes is { } bytes && !entry.IsSegment)
        {
            return scorer.Inputs.PrepareClip(bytes, entry.Audio);
        }

        var path = Path.Combine(audioRoot, entry.Audio);
        if (!entry.IsSegment)
        {
            return scorer.Inputs.PrepareClipFile(path, entry.Audio);
        }

        var recording = recordings.Get(path);
        var segment = Formats.Segments.Cut(recording.Samples, entry.Offset ?? 0, entry.Duration, entry.Audio);
        var clip = scorer.Inputs.PrepareClip(segment.Samples, segment.Name);
        var warnings = recording.Warnings.Concat(segment.Warnings)
            .Concat(entry.Channel is > 0 ? [$"channel {entry.Channel} of '{entry.Audio}' was asked for; scored on the mixdown of all its channels"] : [])
            .ToArray();
        return warnings.Length == 0 ? clip : clip with { Warnings = [.. clip.Warnings, .. warnings] };
    }

    /// <summary>
    /// Encodes the batch in one go; when the encoder rejects an item (too long...), scores the items one by one so
    /// that only the bad ones are skipped.
    /// </summary>
    private IEnumerable<(PendingLine Line, Scored Result)> Score(
        List<(PendingLine Line, LogMel Audio, PhoneticInput Phonemes)> ready,
        CancellationToken cancellationToken)
    {
        if (ready.Count == 0)
        {
            return [];
        }

        try
        {
            var scores = scorer.ScorePairs(ready.Select(r => r.Audio).ToArray(), ready.Select(r => r.Phonemes).ToArray(), options.Words, cancellationToken, options.Verdict);
            return ready.Select((r, i) => (r.Line, new Scored(scores[i], null)));
        }
        catch (InferenceInputException) when (ready.Count > 1)
        {
            return ready.Select(r =>
            {
                try
                {
                    return (r.Line, new Scored(scorer.ScorePairs([r.Audio], [r.Phonemes], options.Words, cancellationToken, options.Verdict)[0], null));
                }
                catch (InferenceInputException e)
                {
                    return (r.Line, new Scored(null, e.Message));
                }
            }).ToArray();
        }
        catch (InferenceInputException e)
        {
            return [(ready[0].Line, new Scored(null, e.Message))];
        }
    }

    private static string Describe(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => e.Message,
        AudioFormatException => $"audio cannot be decoded: {e.Message}",
        _ => e.Message,
    };

    /// <summary>A manifest line of the shard waiting for its batch: an entry to score, or the reason it cannot be.</summary>
    private sealed record PendingLine(string Where, string? Id, ScoringManifestEntry? Entry, string? Error);

    private sealed record Prepared(LogMel? Audio, PhoneticInput? Phonemes, string? Error)
    {
        public IReadOnlyList<string> Warnings { get; init; } = [];
    }

    private sealed record Scored(PairScore? Score, string? Error);
}
