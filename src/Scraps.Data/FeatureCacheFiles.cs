using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scraps.Data;

/// <summary>
/// The on-disk layout of a feature cache folder: <c>index.json</c> (utterances, shards, mean/std) and shards
/// <c>shard-NNNNN.f16</c> (raw little-endian float16 log-mels, utterances back to back, [frames, 80] each), each
/// with <c>shard-NNNNN.json</c>, written last, that marks the shard complete and lets a rebuild skip it.
/// </summary>
internal static class FeatureCacheFiles
{
    public const int FormatVersion = 1;
    public const int MelBins = 80;
    public const string IndexFileName = "index.json";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ShardDataName(int shard) => $"shard-{shard:D5}.f16";

    public static string ShardMetaName(int shard) => $"shard-{shard:D5}.json";

    public static void WriteJsonAtomically<T>(string path, T value)
    {
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            JsonSerializer.Serialize(stream, value, Json);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static T? ReadJson<T>(string path)
        where T : class
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, Json);
    }
}

/// <summary>One utterance as stored in the index and shard metadata files.</summary>
internal sealed record CacheUtteranceRecord(
    string Id, string Split, string Voice, int Frames, int Shard, long Offset, int[] PhonemeIds, string Text)
{
    /// <summary>Frame spans of the transcript's phones (<see cref="PhoneFrameSpans"/>); null when the clip has no phone times that match it.</summary>
    public int[]? PhoneFrames { get; init; }
}

/// <summary>An utterance of the manifest that could not be cached, and why.</summary>
public sealed record SkippedUtterance(string Id, string Reason);

/// <summary><c>shard-NNNNN.json</c>: the shard's key (what it was built from) and its utterances.</summary>
internal sealed record CacheShardRecord(string Key, long Values, List<CacheUtteranceRecord> Utterances, List<SkippedUtterance> Skipped);

/// <summary><c>index.json</c>.</summary>
internal sealed record CacheIndexRecord(
    int FormatVersion,
    int MelBins,
    string Key,
    string InventoryVersion,
    string Manifest,
    float[] Mean,
    float[] Std,
    int StatisticsUtterances,
    long StatisticsFrames,
    List<string> Shards,
    List<CacheUtteranceRecord> Utterances,
    List<SkippedUtterance> Skipped);
