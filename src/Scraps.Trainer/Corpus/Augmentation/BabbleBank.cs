using System.Collections.Concurrent;
using Scraps.Audio;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>
/// Babble noise: tracks of several espeak-ng talkers (training voices, other sentences) speaking at once. Each
/// track depends only on the corpus seed and its number, and is built the first time a clip needs it, so the
/// corpus stays deterministic whatever order clips are built in.
/// </summary>
internal sealed class BabbleBank
{
    public const int DefaultTracks = 16;
    private const int Talkers = 4;
    private const double TrackSeconds = 8;

    private readonly EspeakSynthesizer _espeak;
    private readonly IReadOnlyList<string> _sentences;
    private readonly IReadOnlyList<VoiceRef> _voices;
    private readonly long _seed;
    private readonly string _workDirectory;
    private readonly ConcurrentDictionary<int, Lazy<Task<float[]>>> _tracks = new();

    public BabbleBank(EspeakSynthesizer espeak, IReadOnlyList<string> sentences, IReadOnlyList<VoiceRef> voices, long seed, string workDirectory, int tracks = DefaultTracks)
    {
        if (voices.Count == 0 || sentences.Count == 0)
        {
            throw new ArgumentException("babble needs at least one espeak-ng voice and one sentence");
        }

        _espeak = espeak;
        _sentences = sentences;
        _voices = voices;
        _seed = seed;
        _workDirectory = workDirectory;
        TrackCount = tracks;
    }

    public int TrackCount { get; }

    public Task<float[]> GetTrackAsync(int track, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(track);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(track, TrackCount);
        return _tracks.GetOrAdd(track, t => new Lazy<Task<float[]>>(() => BuildAsync(t, cancellationToken))).Value;
    }

    /// <summary>A segment of <paramref name="length"/> samples from a track, starting at a seeded offset and wrapping around.</summary>
    public async Task<float[]> SegmentAsync(int track, int length, long seed, CancellationToken cancellationToken)
    {
        var source = await GetTrackAsync(track, cancellationToken).ConfigureAwait(false);
        var start = new SeededRandom((ulong)seed).Next(source.Length);
        var segment = new float[length];
        for (var i = 0; i < length; i++)
        {
            segment[i] = source[(start + i) % source.Length];
        }

        return segment;
    }

    private async Task<float[]> BuildAsync(int track, CancellationToken cancellationToken)
    {
        var random = SeededRandom.For(_seed, "babble", track);
        var folder = Path.Combine(_workDirectory, $"babble-{track}");
        Directory.CreateDirectory(folder);
        var length = (int)(TrackSeconds * AudioFormat.SampleRate);
        var mix = new float[length];
        try
        {
            for (var talker = 0; talker < Talkers; talker++)
            {
                var voice = random.Pick(_voices);
                var settings = _espeak.DrawSettings(voice.Name, random);
                var speech = new List<float>(length);
                for (var part = 0; speech.Count < length && part < 32; part++)
                {
                    var path = Path.Combine(folder, $"t{talker}-{part}.wav");
                    await _espeak.SynthesizeAsync([new SynthesisRequest(voice.Name, random.Pick(_sentences), settings, path)], folder, cancellationToken).ConfigureAwait(false);
                    var clip = AudioDecoder.DecodeFile(path);
                    speech.AddRange(Resampler.Resample(clip.Samples, clip.SampleRate, AudioFormat.SampleRate));
                }

                var power = NoiseGenerator.Power(speech.ToArray());
                var gain = power > 0 ? (float)(1 / Math.Sqrt(power)) : 0f;
                var offset = random.Next(Math.Max(1, speech.Count));
                for (var i = 0; i < length && speech.Count > 0; i++)
                {
                    mix[i] += gain * speech[(offset + i) % speech.Count];
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return mix;
    }
}
