using Scraps.Audio;

namespace Scraps.Inference.Manifests.Formats;

/// <summary>
/// Decoded recordings (mono 16 kHz) for scoring segments: each file is decoded once and kept while it is among the
/// most recently used within <see cref="MaxBytes"/>, so the segments of one long recording (listed together, as
/// Kaldi's and Lhotse's manifests do) cost one decode, and memory stays bounded however many recordings a manifest
/// names. Concurrent requests for one file wait for a single decode.
/// </summary>
public sealed class RecordingCache(long maxBytes, TimeSpan maxRecording)
{
    private readonly Lock gate = new();
    private readonly LinkedList<string> recent = new();
    private readonly Dictionary<string, (Lazy<DecodedAudio> Audio, LinkedListNode<string> Node)> entries = new(StringComparer.Ordinal);
    private long heldBytes;
    private int decodes;

    /// <summary>Samples kept at most, in bytes (one recording larger than this is decoded and used, not kept).</summary>
    public long MaxBytes { get; } = maxBytes;

    /// <summary>Files decoded so far (a file evicted and needed again counts twice).</summary>
    public int Decodes => Volatile.Read(ref decodes);

    /// <summary>The recording's samples, decoded now or kept from before.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="AudioFormatException">Not audio we decode.</exception>
    /// <exception cref="AudioTooLongException">Longer than the longest recording read.</exception>
    public DecodedAudio Get(string path)
    {
        Lazy<DecodedAudio> audio;
        lock (gate)
        {
            if (entries.TryGetValue(path, out var entry))
            {
                recent.Remove(entry.Node);
                recent.AddFirst(entry.Node);
                audio = entry.Audio;
            }
            else
            {
                audio = new Lazy<DecodedAudio>(() => Decode(path), LazyThreadSafetyMode.ExecutionAndPublication);
                entries[path] = (audio, recent.AddFirst(path));
            }
        }

        DecodedAudio decoded;
        try
        {
            decoded = audio.Value;
        }
        catch
        {
            lock (gate)
            {
                if (entries.TryGetValue(path, out var failed) && failed.Audio == audio)
                {
                    recent.Remove(failed.Node);
                    entries.Remove(path);
                }
            }

            throw;
        }

        lock (gate)
        {
            Evict(path);
        }

        return decoded;
    }

    private DecodedAudio Decode(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"audio file not found: {path}", path);
        }

        var decoded = AudioDecoder.DecodeMono16k(File.ReadAllBytes(path), maxRecording);
        Interlocked.Increment(ref decodes);
        lock (gate)
        {
            heldBytes += Bytes(decoded);
        }

        return decoded;
    }

    /// <summary>Drops the least recently used decoded recordings beyond the budget, never the one just asked for.</summary>
    private void Evict(string keep)
    {
        var node = recent.Last;
        while (heldBytes > MaxBytes && node is not null)
        {
            var previous = node.Previous;
            var (audio, _) = entries[node.Value];
            if (node.Value != keep && audio.IsValueCreated)
            {
                heldBytes -= Bytes(audio.Value);
                recent.Remove(node);
                entries.Remove(node.Value);
            }

            node = previous;
        }
    }

    private static long Bytes(DecodedAudio audio) => (long)audio.Samples.Length * sizeof(float);
}
