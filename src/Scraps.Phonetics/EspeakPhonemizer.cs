using Scraps.Phonetics.Espeak;

namespace Scraps.Phonetics;

/// <summary>
/// Grapheme-to-phoneme conversion with libespeak-ng (in-process, through P/Invoke). espeak-ng expands numbers,
/// abbreviations and symbols its own way; its IPA phonemes become inventory tokens with stress marks, a word
/// boundary token between words and a pause token after each clause that ends in , . ? ! ; or : (see phonemes.md).
/// Thread-safe: all instances share one espeak-ng, used under a lock. Disposing an instance does not unload
/// espeak-ng (a process initialises it once); it only makes the instance unusable.
/// </summary>
public sealed class EspeakPhonemizer : IPhonemizer, IDisposable
{
    /// <summary>Name of the G2P engine, for records next to <see cref="EngineVersion"/>.</summary>
    public const string EngineName = "espeak-ng";

    private readonly EspeakEngine _engine;
    private readonly EspeakIpaTokenizer _tokenizer;
    private readonly int _maxTextLength;
    private readonly bool _english;
    private readonly PhonemeSymbol _wordBoundary;
    private readonly Dictionary<ClausePause, PhonemeSymbol> _pauses = [];
    private volatile bool _disposed;

    /// <exception cref="ArgumentException">An option is invalid, or the inventory lacks the stress, word boundary or pause tokens.</exception>
    /// <exception cref="UnknownVoiceException">espeak-ng has no such voice.</exception>
    /// <exception cref="EspeakNotAvailableException">libespeak-ng or its data is not installed.</exception>
    public EspeakPhonemizer(EspeakOptions? options = null)
    {
        options ??= new EspeakOptions();
        options.Validate();
        Inventory = options.Inventory ?? PhonemeInventory.EnglishUs;
        _tokenizer = new EspeakIpaTokenizer(Inventory);
        _wordBoundary = RequireToken(PhonemeInventory.WordBoundarySymbol);
        foreach (var pause in ClausePauseSymbols.All)
        {
            _pauses[pause] = RequireToken(ClausePauseSymbols.XSampa(pause));
        }

        _maxTextLength = options.MaxTextLength;
        Voice = options.Voice;
        _engine = EspeakEngine.Acquire(options.DataPath);
        var voice = _engine.GetVoice(Voice);
        VoiceIdentifier = voice.Identifier;
        VoiceLanguage = voice.Language;
        _english = voice.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
    }

    public PhonemeInventory Inventory { get; }

    /// <summary>The voice as configured, e.g. "en-us".</summary>
    public string Voice { get; }

    /// <summary>The espeak-ng voice file it resolved to, e.g. "gmw/en-US".</summary>
    public string VoiceIdentifier { get; }

    /// <summary>The language of that voice, e.g. "en-us".</summary>
    public string VoiceLanguage { get; }

    /// <summary>espeak-ng's version as espeak_Info reports it, e.g. "1.51".</summary>
    public string EngineVersion => _engine.Version;

    /// <summary>The espeak-ng-data directory in use.</summary>
    public string DataPath => _engine.DataPath;

    /// <inheritdoc />
    /// <exception cref="EmptyTextException">Empty or white space only.</exception>
    /// <exception cref="TextTooLongException">Longer than <see cref="EspeakOptions.MaxTextLength"/>.</exception>
    /// <exception cref="NoSpeakableContentException">Only punctuation, or nothing espeak pronounces.</exception>
    /// <exception cref="UnknownPhonemesException">espeak produced phones outside the inventory.</exception>
    public PhonemeSequence Phonemize(string text)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(text);
        TextValidator.Validate(text, _maxTextLength);

        var clauses = _engine.TextToPhonemes(Voice, TextValidator.Sanitize(text), ipa: true);
        var tokens = new List<PhonemeSymbol>();
        var unknown = new List<string>();
        var languages = new List<string>();
        PhonemeSymbol? pending = null; // separator owed before the next token: a pause or a word boundary

        foreach (var clause in clauses)
        {
            var before = tokens.Count;
            _tokenizer.Tokenize(
                clause.Phonemes,
                onWordStart: () => pending ??= tokens.Count > 0 ? _wordBoundary : null,
                emit: symbol =>
                {
                    if (pending is not null)
                    {
                        tokens.Add(pending);
                    }

                    pending = null;
                    tokens.Add(symbol);
                },
                unknown,
                languages);
            if (tokens.Count == before)
            {
                continue; // nothing to say in this clause (e.g. only brackets): its punctuation is not a pause
            }

            var pause = ClauseTerminator.Detect(clause.ConsumedText, clause.IsLast, _english);
            pending = pause == ClausePause.None ? _wordBoundary : _pauses[pause];
        }

        if (unknown.Count > 0)
        {
            throw UnknownPhonemes(unknown, languages);
        }

        if (tokens.Count == 0)
        {
            throw new NoSpeakableContentException($"espeak-ng ({Voice}) produced no phonemes for it");
        }

        if (pending is not null && pending.Kind == PhonemeKind.Pause)
        {
            tokens.Add(pending);
        }

        return new PhonemeSequence(tokens.AsReadOnly());
    }

    public void Dispose() => _disposed = true;

    private UnknownPhonemesException UnknownPhonemes(List<string> unknown, List<string> languages)
    {
        var distinct = unknown.Distinct(StringComparer.Ordinal).ToArray();
        var switched = languages.Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(l => !string.Equals(l, VoiceLanguage, StringComparison.OrdinalIgnoreCase)).ToArray();
        var why = switched.Length > 0
            ? $"; espeak-ng read part of the text as another language ({string.Join(", ", switched)})"
            : string.Empty;
        return new UnknownPhonemesException(
            $"espeak-ng voice {Voice} produced phonemes that inventory {Inventory.Version} does not hold: " +
            $"{string.Join(" ", distinct.Select(u => $"[{u}]"))} (IPA){why}",
            distinct);
    }

    private PhonemeSymbol RequireToken(string xsampa) =>
        Inventory.TryGetByXSampa(xsampa, out var symbol)
            ? symbol
            : throw new ArgumentException($"phoneme inventory {Inventory.Version} has no token '{xsampa}', which the espeak-ng phonemizer needs (EspeakOptions.Inventory)");
}
