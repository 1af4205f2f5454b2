using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace Scraps.Data;

/// <summary>
/// A built feature cache (see <see cref="FeatureCacheBuilder"/>): the utterances with their phoneme ids, the
/// per-bin mean/std of the train split, and random access to each utterance's raw log-mel frames. Reading is
/// thread-safe (positional reads on shared file handles).
/// </summary>
public sealed class FeatureCache : IDisposable
{
    public const int MelBins = FeatureCacheFiles.MelBins;

    private readonly SafeFileHandle[] _shards;
    private readonly CacheUtteranceRecord[] _records;
    private readonly float[] _inverseStd;

    private FeatureCache(string directory, CacheIndexRecord index, SafeFileHandle[] shards)
    {
        Directory = directory;
        _shards = shards;
        _records = [.. index.Utterances];
        Mean = index.Mean;
        Std = index.Std;
        InventoryVersion = index.InventoryVersion;
        Utterances = _records
            .Select((r, i) => new CachedUtterance(i, r.Id, r.Split, r.Voice, r.Frames, r.PhonemeIds, r.Text) { PhoneFrames = r.PhoneFrames })
            .ToArray();
        _inverseStd = Std.Select(s => 1f / s).ToArray();
    }

    public string Directory { get; }

    public IReadOnlyList<CachedUtterance> Utterances { get; }

    /// <summary>Per-bin mean of the raw log-mels over the train split (80 values).</summary>
    public float[] Mean { get; }

    /// <summary>Per-bin standard deviation over the train split (80 values, each &gt; 0).</summary>
    public float[] Std { get; }

    /// <summary>Version of the phoneme inventory the <see cref="CachedUtterance.PhonemeIds"/> belong to.</summary>
    public string InventoryVersion { get; }

    /// <summary>Opens the cache in <paramref name="directory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FeatureCacheFormatException">The index or a shard is missing, truncated or malformed.</exception>
    public static FeatureCache Open(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"feature cache folder not found: {full}");
        }

        var indexPath = Path.Combine(full, FeatureCacheFiles.IndexFileName);
        if (!File.Exists(indexPath))
        {
            throw new FeatureCacheFormatException(
                $"{indexPath} is missing: the cache was never built or its build did not finish (run 'scraps-train corpus features' again)");
        }

        return FromIndex(full, ReadIndex(indexPath), indexPath);
    }

    /// <summary>Opens the shards of <paramref name="directory"/> described by an in-memory index.</summary>
    internal static FeatureCache FromIndex(string directory, CacheIndexRecord index, string source)
    {
        var full = directory;
        var indexPath = source;
        var sizes = new long[index.Shards.Count];
        foreach (var record in index.Utterances)
        {
            if (record.Shard < 0 || record.Shard >= sizes.Length || record.Frames <= 0 || record.Offset < 0
                || record.PhonemeIds is null || record.Id is null)
            {
                throw new FeatureCacheFormatException($"{indexPath}: utterance '{record.Id}' has an invalid shard, offset or length");
            }

            sizes[record.Shard] = Math.Max(sizes[record.Shard], (record.Offset + ((long)record.Frames * MelBins)) * sizeof(ushort));
        }

        var handles = new SafeFileHandle[index.Shards.Count];
        try
        {
            for (var s = 0; s < handles.Length; s++)
            {
                var shardPath = Path.Combine(full, index.Shards[s]);
                if (!File.Exists(shardPath))
                {
                    throw new FeatureCacheFormatException($"shard {shardPath} listed in {indexPath} is missing");
                }

                handles[s] = File.OpenHandle(shardPath, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
                var length = RandomAccess.GetLength(handles[s]);
                if (length < sizes[s])
                {
                    throw new FeatureCacheFormatException($"shard {shardPath} is truncated: {length} bytes, index needs {sizes[s]}");
                }
            }
        }
        catch
        {
            foreach (var handle in handles)
            {
                handle?.Dispose();
            }

            throw;
        }

        return new FeatureCache(full, index, handles);
    }

    /// <summary>The utterances of one split (train, valid or test).</summary>
    public IReadOnlyList<CachedUtterance> InSplit(string split)
    {
        var name = DataSplits.Normalize(split);
        return Utterances.Where(u => u.Split == name).ToArray();
    }

    /// <summary>The raw (not standardised) log-mel of utterance <paramref name="index"/>, [Frames * 80] row-major.</summary>
    public float[] ReadFeatures(int index)
    {
        var record = Record(index);
        var features = new float[record.Frames * MelBins];
        ReadFeatures(index, features);
        return features;
    }

    /// <summary>Reads the raw log-mel of utterance <paramref name="index"/> into <paramref name="destination"/>.</summary>
    public void ReadFeatures(int index, Span<float> destination)
    {
        var record = Record(index);
        var count = record.Frames * MelBins;
        if (destination.Length < count)
        {
            throw new ArgumentException($"destination holds {destination.Length} values, utterance {index} needs {count}", nameof(destination));
        }

        var bytes = count * sizeof(ushort);
        var buffer = ArrayPool<byte>.Shared.Rent(bytes);
        try
        {
            var position = record.Offset * sizeof(ushort);
            var read = 0;
            while (read < bytes)
            {
                var n = RandomAccess.Read(_shards[record.Shard], buffer.AsSpan(read, bytes - read), position + read);
                if (n == 0)
                {
                    throw new FeatureCacheFormatException($"shard {record.Shard} ends inside utterance '{record.Id}'");
                }

                read += n;
            }

            var halves = MemoryMarshal.Cast<byte, Half>(buffer.AsSpan(0, bytes));
            for (var i = 0; i < count; i++)
            {
                destination[i] = (float)halves[i];
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads utterance <paramref name="index"/> standardised per bin with <see cref="Mean"/> and <see cref="Std"/>.</summary>
    public void ReadStandardizedFeatures(int index, Span<float> destination)
    {
        ReadFeatures(index, destination);
        var count = Record(index).Frames * MelBins;
        for (var i = 0; i < count; i++)
        {
            var bin = i % MelBins;
            destination[i] = (destination[i] - Mean[bin]) * _inverseStd[bin];
        }
    }

    public void Dispose()
    {
        foreach (var handle in _shards)
        {
            handle.Dispose();
        }
    }

    private CacheUtteranceRecord Record(int index)
    {
        if ((uint)index >= (uint)_records.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"the cache holds {_records.Length} utterances");
        }

        return _records[index];
    }

    private static CacheIndexRecord ReadIndex(string indexPath)
    {
        CacheIndexRecord? index;
        try
        {
            index = FeatureCacheFiles.ReadJson<CacheIndexRecord>(indexPath);
        }
        catch (JsonException e)
        {
            throw new FeatureCacheFormatException($"{indexPath} is not a valid cache index: {e.Message}", e);
        }

        if (index is null || index.Utterances is null || index.Shards is null || index.Mean is null || index.Std is null)
        {
            throw new FeatureCacheFormatException($"{indexPath} is not a valid cache index: fields missing");
        }

        if (index.FormatVersion != FeatureCacheFiles.FormatVersion || index.MelBins != MelBins)
        {
            throw new FeatureCacheFormatException(
                $"{indexPath}: format {index.FormatVersion} with {index.MelBins} bins; this build reads format {FeatureCacheFiles.FormatVersion} with {MelBins} bins (rebuild the cache)");
        }

        if (index.Mean.Length != MelBins || index.Std.Length != MelBins || index.Std.Any(s => !(s > 0) || !float.IsFinite(s)))
        {
            throw new FeatureCacheFormatException($"{indexPath}: mean/std must hold {MelBins} finite values with std > 0");
        }

        return index;
    }
}
