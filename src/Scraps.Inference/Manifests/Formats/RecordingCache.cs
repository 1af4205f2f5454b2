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
    private readonly Lock _gate = new();
    private readonly LinkedList<string> _recent = new();
    private readonly Dictionary<string, (Lazy<DecodedAudio> Audio, LinkedListNode<string> Node)> _entries = new(StringComparer.Ordinal);
    private long _heldBytes;
    private int _decodes;

    /// <summary>Samples kept at most, in bytes (one recording larger than this is decoded and used, not kept).</summary>
    public long MaxBytes { get; } = maxBytes;

    /// <summary>Files decoded so far (a file evicted and needed again counts twice).</summary>
    public int Decodes => Volatile.Read(ref _decodes);

    /// <summary>The recording's samples, decoded now or kept from before.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="AudioFormatException">Not audio we decode.</exception>
    /// <exception cref="AudioTooLongException">Longer than the longest recording read.</exception>
    public DecodedAudio Get(string path)
    {
        Lazy<DecodedAudio> audio;
        lock (_gate)
        {
            if (_entries.TryGetValue(path, out var entry))
            {
                _recent.Remove(entry.Node);
                _recent.AddFirst(entry.Node);
                audio = entry.Audio;
            }
            else
            {
                audio = new Lazy<DecodedAudio>(() => Decode(path), LazyThreadSafetyMode.ExecutionAndPublication);
                _entries[path] = (audio, _recent.AddFirst(path));
            }
        }

        DecodedAudio decoded;
        try
        {
            decoded = audio.Value;
        }
        catch
        {
            lock (_gate)
            {
                if (_entries.TryGetValue(path, out var failed) && failed.Audio == audio)
                {
                    _recent.Remove(failed.Node);
                    _entries.Remove(path);
                }
            }

            throw;
        }

        lock (_gate)
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
        Interlocked.Increment(ref _decodes);
        lock (_gate)
        {
            _heldBytes += Bytes(decoded);
        }

        return decoded;
    }

    /// <summary>Drops the least recently used decoded recordings beyond the budget, never the one just asked for.</summary>
    private void Evict(string keep)
    {
        var node = _recent.Last;
        while (_heldBytes > MaxBytes && node is not null)
        {
            var previous = node.Previous;
            var (audio, _) = _entries[node.Value];
            if (node.Value != keep && audio.IsValueCreated)
            {
                _heldBytes -= Bytes(audio.Value);
                _recent.Remove(node);
                _entries.Remove(node.Value);
            }

            node = previous;
        }
    }

    private static long Bytes(DecodedAudio audio) => (long)audio.Samples.Length * sizeof(float);
}
