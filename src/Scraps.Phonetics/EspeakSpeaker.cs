using Scraps.Phonetics.Espeak;
using Scraps.Phonetics.Timing;

namespace Scraps.Phonetics;

/// <summary>
/// Speech from libespeak-ng in this process, with the time of every phone: espeak-ng reports a phoneme event (its
/// IPA name and the sample where it starts) as it synthesizes, so a synthetic clip carries exact phone labels for
/// free. The phones are mapped to the inventory by their IPA as <see cref="EspeakPhonemizer"/> maps its
/// transcriptions; an utterance with a phone the inventory lacks (an en-gb əʊ, say) gets no labels rather than a guess.
/// Thread-safe (one espeak-ng per process, used under a lock).
/// </summary>
public sealed class EspeakSpeaker
{
    private readonly EspeakEngine _engine;
    private readonly EspeakIpaTokenizer _tokenizer;

    /// <exception cref="EspeakNotAvailableException">libespeak-ng or its data is not installed.</exception>
    public EspeakSpeaker(PhonemeInventory? inventory = null, string? dataPath = null)
    {
        Inventory = inventory ?? PhonemeInventory.EnglishUs;
        _tokenizer = new EspeakIpaTokenizer(Inventory);
        _engine = EspeakEngine.Acquire(dataPath);
    }

    public PhonemeInventory Inventory { get; }

    /// <summary>The rate of the samples (22,050 Hz).</summary>
    public int SampleRate => _engine.SampleRate;

    /// <summary>Speaks <paramref name="text"/> with a voice such as <c>en-us+m3</c>, rate in words per minute and pitch 0-99.</summary>
    /// <exception cref="UnknownVoiceException">espeak-ng has no such voice.</exception>
    public SpokenUtterance Speak(string voice, string text, int wordsPerMinute, int pitch)
    {
        ArgumentNullException.ThrowIfNull(text);
        var speech = _engine.Synthesize(voice, text, Math.Clamp(wordsPerMinute, 80, 450), Math.Clamp(pitch, 0, 99));
        var (phones, unknown) = Label(speech);
        return new SpokenUtterance(speech.Samples, speech.SampleRate, phones, unknown);
    }

    /// <summary>
    /// Each phoneme event with a name becomes its inventory phones, ending where the next event (phone or pause)
    /// starts; a lengthened phone written twice ("ææ") shares its span equally.
    /// </summary>
    private (IReadOnlyList<TimedPhone>? Phones, IReadOnlyList<string> Unknown) Label(EspeakSpeech speech)
    {
        var phones = new List<TimedPhone>();
        var unknown = new List<string>();
        var events = speech.Phonemes;
        for (var i = 0; i < events.Length; i++)
        {
            if (events[i].Ipa.Length == 0)
            {
                continue;
            }

            var start = (double)events[i].Sample / speech.SampleRate;
            var endSample = i + 1 < events.Length ? events[i + 1].Sample : speech.Samples.Length;
            var end = (double)Math.Max(endSample, events[i].Sample) / speech.SampleRate;
            var symbols = new List<PhonemeSymbol>();
            _tokenizer.Tokenize(events[i].Ipa, () => { }, s => { if (s.Kind == PhonemeKind.Phone) { symbols.Add(s); } }, unknown, new List<string>());
            for (var k = 0; k < symbols.Count; k++)
            {
                var a = start + ((end - start) * k / symbols.Count);
                var b = start + ((end - start) * (k + 1) / symbols.Count);
                phones.Add(new TimedPhone(symbols[k], a, b));
            }
        }

        return unknown.Count > 0 ? (null, unknown.Distinct(StringComparer.Ordinal).ToArray()) : (phones, []);
    }
}

/// <summary>
/// Synthesized speech: 16-bit samples at <paramref name="SampleRate"/>, and its phones with their times, or null with
/// the phones the inventory lacks in <paramref name="UnknownPhones"/>.
/// </summary>
public sealed record SpokenUtterance(short[] Samples, int SampleRate, IReadOnlyList<TimedPhone>? Phones, IReadOnlyList<string> UnknownPhones);
