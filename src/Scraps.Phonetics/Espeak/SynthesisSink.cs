using System.Runtime.InteropServices;
using System.Text;

namespace Scraps.Phonetics.Espeak;

/// <summary>
/// Collects what espeak-ng's synthesis callback receives: the samples and the phoneme events. espeak-ng has one
/// callback for the process and synthesizes on the caller's thread, under <see cref="EspeakEngine"/>'s lock, so one
/// static sink serves every call.
/// </summary>
internal static class SynthesisSink
{
    private static short[] _samples = [];
    private static int _count;
    private static List<EspeakPhonemeEvent>? _events;

    public static void Begin()
    {
        _count = 0;
        _events = [];
    }

    public static EspeakSpeech End(int sampleRate) =>
        new(_samples.AsSpan(0, _count).ToArray(), sampleRate, _events!.ToArray());

    public static void Reset()
    {
        _events = null;
        if (_samples.Length > (1 << 22))
        {
            _samples = []; // do not keep a long passage's buffer for the life of the process
        }
    }

    /// <summary>t_espeak_callback: returns 0 to go on synthesizing.</summary>
    [UnmanagedCallersOnly]
    public static unsafe int Receive(short* wav, int count, EspeakNative.EspeakEvent* events)
    {
        if (_events is null)
        {
            return 1; // not ours (no synthesis in progress): ask espeak-ng to stop
        }

        if (wav != null && count > 0)
        {
            if (_count + count > _samples.Length)
            {
                Array.Resize(ref _samples, Math.Max(_count + count, Math.Max(1 << 16, _samples.Length * 2)));
            }

            new ReadOnlySpan<short>(wav, count).CopyTo(_samples.AsSpan(_count));
            _count += count;
        }

        for (var e = events; e != null && e->Type != EspeakNative.EventListTerminated; e++)
        {
            if (e->Type == EspeakNative.EventPhoneme)
            {
                var name = new ReadOnlySpan<byte>(e->Id, 8);
                var end = name.IndexOf((byte)0);
                _events.Add(new EspeakPhonemeEvent(Encoding.UTF8.GetString(end < 0 ? name : name[..end]), e->Sample));
            }
        }

        return 0;
    }
}

/// <summary>A phoneme of synthesized speech: its IPA name (empty for a pause) and the sample where it starts.</summary>
internal readonly record struct EspeakPhonemeEvent(string Ipa, int Sample);

/// <summary>What espeak-ng synthesized: 16-bit samples at <paramref name="SampleRate"/> and its phoneme events in order.</summary>
internal sealed record EspeakSpeech(short[] Samples, int SampleRate, EspeakPhonemeEvent[] Phonemes);
