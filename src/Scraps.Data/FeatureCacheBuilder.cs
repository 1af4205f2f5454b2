using System.Security.Cryptography;
using System.Text;
using Scraps.Audio;
using Scraps.Phonetics;

namespace Scraps.Data;

/// <summary>
/// Builds a <see cref="FeatureCache"/> from a manifest: each utterance's audio goes through the same front end
/// the service uses (<see cref="AudioFrontEnd"/> then <see cref="LogMelExtractor"/>), its text through the
/// phonemizer (or its X-SAMPA through <see cref="XSampaParser"/>), and the log-mels are stored as float16 in
/// shards of consecutive utterances. Per-bin mean/std are computed over the train split only. The build is
/// resumable and idempotent: a shard whose inputs (manifest lines, audio file sizes and times, inventory) are
/// unchanged is reused, so re-running after an interruption only does the missing work.
/// An utterance whose audio or text cannot be processed is skipped and reported, not fatal.
/// </summary>
public static class FeatureCacheBuilder
{
    internal const int DefaultShardSize = 256;

    public static FeatureCacheBuildResult Build(
        string manifestPath,
        string outDir,
        IPhonemizer phonemizer,
        int threads,
        IProgress<FeatureCacheProgress>? progress,
        CancellationToken cancellationToken = default) =>
        Build(manifestPath, outDir, phonemizer, threads, progress, DefaultShardSize, cancellationToken);

    /// <summary>
    /// A cache whose standardisation statistics come from another cache (a held-out or evaluation-only set has no
    /// train split to compute them on, and must be standardised as the model's training data was anyway).
    /// </summary>
    public static FeatureCacheBuildResult Build(
        string manifestPath,
        string outDir,
        IPhonemizer phonemizer,
        int threads,
        IProgress<FeatureCacheProgress>? progress,
        (float[] Mean, float[] Std) statistics,
        CancellationToken cancellationToken = default) =>
        Build(manifestPath, outDir, phonemizer, threads, progress, DefaultShardSize, cancellationToken, statistics);

    internal static FeatureCacheBuildResult Build(
        string manifestPath,
        string outDir,
        IPhonemizer phonemizer,
        int threads,
        IProgress<FeatureCacheProgress>? progress,
        int shardSize,
        CancellationToken cancellationToken,
        (float[] Mean, float[] Std)? statistics = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(manifestPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        ArgumentNullException.ThrowIfNull(phonemizer);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(shardSize, 1);
        var started = System.Diagnostics.Stopwatch.StartNew();

        var manifest = Path.GetFullPath(manifestPath);
        var badLines = new List<string>();
        var entries = Manifest.ReadValid(manifest, line => badLines.Add(line.Error!));
        if (entries.Count == 0)
        {
            throw new ManifestFormatException($"{manifest} holds no valid entries" + (badLines.Count > 0 ? $"; first problem: {badLines[0]}" : string.Empty));
        }

        var directory = Path.GetFullPath(outDir);
        Directory.CreateDirectory(directory);
        var inventoryVersion = phonemizer.Inventory.Version;
        var shardCount = (entries.Count + shardSize - 1) / shardSize;
        var shardKeys = new string[shardCount];
        for (var s = 0; s < shardCount; s++)
        {
            shardKeys[s] = ShardKey(manifest, entries, s * shardSize, Math.Min(shardSize, entries.Count - (s * shardSize)), inventoryVersion);
        }

        var cacheKey = Hash(string.Join('\n', shardKeys));
        var indexPath = Path.Combine(directory, FeatureCacheFiles.IndexFileName);
        if (TryReadCompleteIndex(indexPath, cacheKey) is { } complete)
        {
            progress?.Report(new FeatureCacheProgress(entries.Count, entries.Count, complete.Skipped.Count));
            return new FeatureCacheBuildResult(0, complete.Utterances.Count, complete.Skipped, badLines, started.Elapsed);
        }

        var counter = new BuildCounter(entries.Count, progress);
        var shards = new List<CacheShardRecord>(shardCount);
        var cached = 0;
        var reused = 0;
        for (var s = 0; s < shardCount; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var metaPath = Path.Combine(directory, FeatureCacheFiles.ShardMetaName(s));
            var dataPath = Path.Combine(directory, FeatureCacheFiles.ShardDataName(s));
            var existing = TryReadShard(metaPath, dataPath, shardKeys[s]);
            if (existing is not null)
            {
                reused += existing.Utterances.Count;
                counter.AddReused(existing.Utterances.Count + existing.Skipped.Count, existing.Skipped.Count);
                shards.Add(existing);
                continue;
            }

            var start = s * shardSize;
            var count = Math.Min(shardSize, entries.Count - start);
            var shard = BuildShard(manifest, entries, start, count, s, shardKeys[s], dataPath, phonemizer, threads, counter, cancellationToken);
            FeatureCacheFiles.WriteJsonAtomically(metaPath, shard);
            cached += shard.Utterances.Count;
            shards.Add(shard);
        }

        RemoveStaleShards(directory, shardCount);
        var utterances = shards.SelectMany(s => s.Utterances).ToList();
        var skipped = shards.SelectMany(s => s.Skipped).ToList();
        if (utterances.Count == 0)
        {
            throw new InvalidDataException($"no utterance of {manifest} could be cached; first problem: {skipped.FirstOrDefault()?.Reason}");
        }

        var (mean, std, statUtterances, statFrames) = statistics is { } given
            ? (given.Mean, given.Std, 0, 0L)
            : TrainStatistics(directory, utterances, shardCount, cancellationToken);
        var index = new CacheIndexRecord(
            FeatureCacheFiles.FormatVersion,
            FeatureCacheFiles.MelBins,
            cacheKey,
            inventoryVersion,
            manifest,
            mean,
            std,
            statUtterances,
            statFrames,
            Enumerable.Range(0, shardCount).Select(FeatureCacheFiles.ShardDataName).ToList(),
            utterances,
            skipped);
        FeatureCacheFiles.WriteJsonAtomically(indexPath, index);
        return new FeatureCacheBuildResult(cached, reused, skipped, badLines, started.Elapsed);
    }

    private static CacheShardRecord BuildShard(
        string manifest,
        IReadOnlyList<ManifestEntry> entries,
        int start,
        int count,
        int shard,
        string key,
        string dataPath,
        IPhonemizer phonemizer,
        int threads,
        BuildCounter counter,
        CancellationToken cancellationToken)
    {
        // The phonemizer runs on this thread only (espeak-ng keeps global state); features run in parallel.
        var phonemes = new int[]?[count];
        var reasons = new string?[count];
        for (var i = 0; i < count; i++)
        {
            (phonemes[i], reasons[i]) = Phonemize(entries[start + i], phonemizer);
        }

        var features = new float[]?[count];
        var extractor = new ThreadLocal<LogMelExtractor>(() => new LogMelExtractor());
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        Parallel.For(0, count, options, i =>
        {
            if (reasons[i] is null)
            {
                var entry = entries[start + i];
                try
                {
                    var samples = AudioFrontEnd.LoadMono16kFile(Manifest.ResolveAudioPath(manifest, entry));
                    var mel = extractor.Value!.Compute(samples);
                    if (mel.Frames <= 0)
                    {
                        reasons[i] = "the audio is empty";
                    }
                    else if (!FitsHalf(mel.Data))
                    {
                        reasons[i] = "the log-mel features hold values that are not finite or do not fit float16";
                    }
                    else
                    {
                        features[i] = mel.Data;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    reasons[i] = $"audio: {e.Message}";
                }
            }

            counter.Done(reasons[i] is not null);
        });
        extractor.Dispose();

        var utterances = new List<CacheUtteranceRecord>(count);
        var skipped = new List<SkippedUtterance>();
        long offset = 0;
        var temporary = dataPath + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            var halves = new byte[FeatureCacheFiles.MelBins * 64 * sizeof(ushort)];
            for (var i = 0; i < count; i++)
            {
                var entry = entries[start + i];
                if (reasons[i] is { } reason)
                {
                    skipped.Add(new SkippedUtterance(entry.Id, reason));
                    continue;
                }

                var data = features[i]!;
                WriteHalves(stream, data, ref halves);
                var frames = data.Length / FeatureCacheFiles.MelBins;
                utterances.Add(new CacheUtteranceRecord(
                    entry.Id,
                    entry.Split ?? DataSplits.Train,
                    entry.Voice ?? entry.Speaker ?? string.Empty,
                    frames,
                    shard,
                    offset,
                    phonemes[i]!,
                    entry.Text ?? entry.Phonemes!)
                {
                    PhoneFrames = PhoneFrames(manifest, entry, phonemes[i]!, phonemizer.Inventory, frames),
                });
                offset += data.Length;
                features[i] = null;
            }
        }

        File.Move(temporary, dataPath, overwrite: true);
        return new CacheShardRecord(key, offset, utterances, skipped);
    }

    /// <summary>The frame spans of the entry's phone times when they label its transcript (<see cref="PhoneFrameSpans"/>), else null.</summary>
    private static int[]? PhoneFrames(string manifest, ManifestEntry entry, int[] ids, PhonemeInventory inventory, int frames)
    {
        if (entry.PhoneTimes is null)
        {
            return null;
        }

        try
        {
            var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(manifest)!, entry.PhoneTimes));
            return PhoneFrameSpans.Of(Scraps.Phonetics.Timing.PhoneTimingFile.Read(path, inventory), ids, inventory, frames).Spans;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null; // unreadable times: the clip trains without frame labels, as one without times
        }
    }

    private static (int[]? Ids, string? Reason) Phonemize(ManifestEntry entry, IPhonemizer phonemizer)
    {
        try
        {
            var sequence = entry.Phonemes is { } xsampa
                ? XSampaParser.Parse(xsampa, phonemizer.Inventory)
                : phonemizer.Phonemize(entry.Text!);
            var ids = sequence.ToIds().ToArray();
            return ids.Length == 0 ? (null, "no phonemes") : (ids, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, $"phonemes: {e.Message}");
        }
    }

    private static bool FitsHalf(float[] data)
    {
        const float max = 65504f;
        foreach (var value in data)
        {
            if (!(Math.Abs(value) <= max))
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteHalves(Stream stream, float[] data, ref byte[] buffer)
    {
        var needed = data.Length * sizeof(ushort);
        if (buffer.Length < needed)
        {
            buffer = new byte[needed];
        }

        for (var i = 0; i < data.Length; i++)
        {
            BitConverter.TryWriteBytes(buffer.AsSpan(i * sizeof(ushort)), (Half)data[i]);
        }

        stream.Write(buffer, 0, needed);
    }

    /// <summary>Mean/std per bin over the stored (float16) train features, read back from the shards.</summary>
    private static (float[] Mean, float[] Std, int Utterances, long Frames) TrainStatistics(
        string directory, List<CacheUtteranceRecord> utterances, int shardCount, CancellationToken cancellationToken)
    {
        var train = utterances.Select((u, i) => (u, i)).Where(x => x.u.Split == DataSplits.Train).Select(x => x.i).ToList();
        if (train.Count == 0)
        {
            throw new InvalidDataException("the manifest has no utterance in the train split: mean/std are computed over train only");
        }

        var shards = Enumerable.Range(0, shardCount).Select(FeatureCacheFiles.ShardDataName).ToList();
        var index = new CacheIndexRecord(
            FeatureCacheFiles.FormatVersion, FeatureCacheFiles.MelBins, string.Empty, string.Empty, string.Empty,
            new float[FeatureCacheFiles.MelBins], Enumerable.Repeat(1f, FeatureCacheFiles.MelBins).ToArray(), 0, 0, shards, utterances, []);
        var statistics = new FeatureStatistics();
        long frames = 0;
        using (var reader = FeatureCache.FromIndex(directory, index, Path.Combine(directory, "shard-*.json")))
        {
            foreach (var i in train)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var data = reader.ReadFeatures(i);
                statistics.Add(new LogMel(data, utterances[i].Frames));
                frames += utterances[i].Frames;
            }
        }

        var (mean, std) = statistics.Compute();
        return (mean.ToArray(), std.ToArray(), train.Count, frames);
    }

    private static CacheShardRecord? TryReadShard(string metaPath, string dataPath, string key)
    {
        if (!File.Exists(metaPath) || !File.Exists(dataPath))
        {
            return null;
        }

        try
        {
            var shard = FeatureCacheFiles.ReadJson<CacheShardRecord>(metaPath);
            return shard is not null && shard.Key == key && shard.Utterances is not null && shard.Skipped is not null
                && new FileInfo(dataPath).Length == shard.Values * sizeof(ushort)
                ? shard
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static CacheIndexRecord? TryReadCompleteIndex(string indexPath, string key)
    {
        if (!File.Exists(indexPath))
        {
            return null;
        }

        try
        {
            var index = FeatureCacheFiles.ReadJson<CacheIndexRecord>(indexPath);
            return index is not null && index.Key == key && index.Utterances is not null && index.Skipped is not null
                && index.Shards.All(s => File.Exists(Path.Combine(Path.GetDirectoryName(indexPath)!, s)))
                ? index
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static void RemoveStaleShards(string directory, int shardCount)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "shard-*.*"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (int.TryParse(name.AsSpan("shard-".Length), out var number) && number >= shardCount)
            {
                File.Delete(file);
            }
        }
    }

    private static string ShardKey(string manifest, IReadOnlyList<ManifestEntry> entries, int start, int count, string inventoryVersion)
    {
        var text = new StringBuilder();
        text.Append(FeatureCacheFiles.FormatVersion).Append('\n').Append(inventoryVersion).Append('\n');
        for (var i = start; i < start + count; i++)
        {
            var entry = entries[i];
            var audio = new FileInfo(Manifest.ResolveAudioPath(manifest, entry));
            text.Append(Manifest.Format(entry)).Append('\n');
            text.Append(audio.Exists ? $"{audio.Length}:{audio.LastWriteTimeUtc.Ticks}" : "missing").Append('\n');
        }

        return Hash(text.ToString());
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed class BuildCounter(int total, IProgress<FeatureCacheProgress>? progress)
    {
        private int _done;
        private int _skipped;

        public void Done(bool skipped)
        {
            var skippedNow = skipped ? Interlocked.Increment(ref _skipped) : Volatile.Read(ref _skipped);
            var done = Interlocked.Increment(ref _done);
            progress?.Report(new FeatureCacheProgress(done, total, skippedNow));
        }

        public void AddReused(int done, int skipped)
        {
            var skippedNow = Interlocked.Add(ref _skipped, skipped);
            progress?.Report(new FeatureCacheProgress(Interlocked.Add(ref _done, done), total, skippedNow));
        }
    }
}
