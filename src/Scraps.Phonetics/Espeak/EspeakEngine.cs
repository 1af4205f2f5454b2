using System.Runtime.InteropServices;
using System.Text;

namespace Scraps.Phonetics.Espeak;

/// <summary>
/// The process-wide libespeak-ng instance: initialised once (data path fixed for the life of the process), used
/// under one lock because espeak-ng keeps its state in globals, and never terminated.
/// </summary>
internal sealed class EspeakEngine
{
    /// <summary>Separator espeak writes between the phonemes of a word (a private-use character no phoneme contains).</summary>
    public const char PhonemeSeparator = '\uE000';

    private const int MaxVoiceNameLength = 40;

    private static readonly Lock CreateGate = new();
    private static EspeakEngine? _instance;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, EspeakVoiceInfo> _voices = new(StringComparer.Ordinal);
    private string? _currentVoice;

    private EspeakEngine(string? dataPath)
    {
        EspeakLibrary.EnsureLoaded();
        // Phoneme events (in IPA) cost nothing to translation and let synthesis say where each phoneme starts.
        var sampleRate = EspeakNative.Initialize(
            EspeakNative.AudioOutputSynchronous,
            0,
            dataPath,
            EspeakNative.InitializeDontExit | EspeakNative.InitializePhonemeEvents | EspeakNative.InitializePhonemeIpa);
        if (sampleRate <= 0)
        {
            throw new EspeakNotAvailableException(
                $"espeak-ng failed to initialise (code {sampleRate}): its data directory (espeak-ng-data) was not found" +
                (dataPath is null ? string.Empty : $" under '{dataPath}'") + "; install the espeak-ng-data package");
        }

        SampleRate = sampleRate;
        var version = EspeakNative.Info(out var pathPointer);
        Version = Marshal.PtrToStringUTF8(version) ?? "unknown";
        DataPath = Marshal.PtrToStringUTF8(pathPointer) ?? string.Empty;
        RequestedDataPath = dataPath;
    }

    /// <summary>espeak-ng's version, e.g. "1.51".</summary>
    public string Version { get; }

    /// <summary>The espeak-ng-data directory in use.</summary>
    public string DataPath { get; }

    /// <summary>The rate of the samples synthesis produces (22,050 Hz for espeak-ng's own voices).</summary>
    public int SampleRate { get; }

    private string? RequestedDataPath { get; }

    /// <summary>Returns the engine, initialising libespeak-ng on first use.</summary>
    /// <param name="dataPath">Directory holding espeak-ng-data (or that directory itself); null for the default.
    /// Only the first caller's choice counts: a process has one espeak-ng.</param>
    /// <exception cref="EspeakNotAvailableException">The library or its data is missing.</exception>
    /// <exception cref="ArgumentException">espeak-ng already runs with another data path.</exception>
    public static EspeakEngine Acquire(string? dataPath)
    {
        lock (CreateGate)
        {
            _instance ??= new EspeakEngine(dataPath);
            if (dataPath is not null && !SamePath(dataPath, _instance.RequestedDataPath, _instance.DataPath))
            {
                throw new ArgumentException(
                    $"espeak-ng is already initialised in this process with data path '{_instance.DataPath}'; it cannot also use '{dataPath}'",
                    nameof(dataPath));
            }

            return _instance;
        }
    }

    /// <summary>Checks that <paramref name="voice"/> exists and returns what it resolved to.</summary>
    /// <exception cref="UnknownVoiceException">espeak-ng has no such voice.</exception>
    public EspeakVoiceInfo GetVoice(string voice)
    {
        lock (_gate)
        {
            return SelectVoice(voice);
        }
    }

    /// <summary>Translates <paramref name="text"/> clause by clause with <paramref name="voice"/>.</summary>
    /// <param name="ipa">IPA (true) or espeak's ASCII phoneme mnemonics (false).</param>
    public IReadOnlyList<EspeakClause> TextToPhonemes(string voice, string text, bool ipa)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var buffer = Marshal.AllocHGlobal(utf8.Length + 1);
        try
        {
            Marshal.Copy(utf8, 0, buffer, utf8.Length);
            Marshal.WriteByte(buffer, utf8.Length, 0);
            var mode = (ipa ? EspeakNative.PhonemesIpa : 0) | (PhonemeSeparator << 8);
            lock (_gate)
            {
                SelectVoice(voice);
                return ReadClauses(buffer, utf8, mode);
            }
        }
        finally
        {
            Marshal.FreeHGlobal(buffer);
        }
    }

    /// <summary>
    /// Speaks <paramref name="text"/> with <paramref name="voice"/> at <paramref name="wordsPerMinute"/> and
    /// <paramref name="pitch"/> (0-99): 16-bit samples at <see cref="SampleRate"/> and the phonemes with the sample
    /// where each starts (a pause is a phoneme with an empty name).
    /// </summary>
    public EspeakSpeech Synthesize(string voice, string text, int wordsPerMinute, int pitch)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var buffer = Marshal.AllocHGlobal(utf8.Length + 1);
        try
        {
            Marshal.Copy(utf8, 0, buffer, utf8.Length);
            Marshal.WriteByte(buffer, utf8.Length, 0);
            lock (_gate)
            {
                SelectVoice(voice);
                // Out-of-range values are clamped by espeak-ng, never refused: its status says nothing more.
                _ = EspeakNative.SetParameter(EspeakNative.ParameterRate, wordsPerMinute, 0);
                _ = EspeakNative.SetParameter(EspeakNative.ParameterPitch, pitch, 0);
                SynthesisSink.Begin();
                try
                {
                    unsafe
                    {
                        EspeakNative.SetSynthCallback(&SynthesisSink.Receive);
                    }

                    var result = EspeakNative.Synth(buffer, (nuint)(utf8.Length + 1), 0, 0, 0, EspeakNative.SynthCharsUtf8, IntPtr.Zero, IntPtr.Zero);
                    _ = EspeakNative.Synchronize(); // Synth's own status below is the one that matters
                    if (result != EspeakNative.EeOk)
                    {
                        throw new InvalidOperationException($"espeak-ng could not synthesize the text (error {result})");
                    }

                    return SynthesisSink.End(SampleRate);
                }
                finally
                {
                    SynthesisSink.Reset();
                }
            }
        }
        finally
        {
            Marshal.FreeHGlobal(buffer);
        }
    }

    private static List<EspeakClause> ReadClauses(IntPtr buffer, byte[] utf8, int mode)
    {
        var clauses = new List<EspeakClause>();
        var position = buffer;
        var maxCalls = utf8.Length + 8; // every call reads at least one character; a guard against a library bug
        while (position != IntPtr.Zero)
        {
            if (clauses.Count >= maxCalls)
            {
                throw new InvalidOperationException("espeak-ng did not reach the end of the text; giving up instead of looping");
            }

            var start = checked((int)(position - buffer));
            var result = EspeakNative.TextToPhonemes(ref position, EspeakNative.CharsUtf8, mode);
            var phonemes = result == IntPtr.Zero ? string.Empty : Marshal.PtrToStringUTF8(result) ?? string.Empty;
            var isLast = position == IntPtr.Zero;
            var end = isLast ? utf8.Length : Math.Clamp(checked((int)(position - buffer)), start, utf8.Length);
            clauses.Add(new EspeakClause(phonemes, Encoding.UTF8.GetString(utf8, start, end - start), isLast));
        }

        return clauses;
    }

    // Caller holds _gate.
    private EspeakVoiceInfo SelectVoice(string voice)
    {
        if (_currentVoice == voice)
        {
            return _voices[voice];
        }

        CheckVoiceName(voice);
        _currentVoice = null; // a failed attempt can leave espeak without a usable voice
        if (EspeakNative.SetVoiceByName(voice) != EspeakNative.EeOk && SetVoiceByLanguage(voice) != EspeakNative.EeOk)
        {
            throw new UnknownVoiceException(voice, "it is neither a voice name nor a language that espeak-ng knows (list them with 'espeak-ng --voices')");
        }

        var info = ReadCurrentVoice(voice);
        _voices[voice] = info;
        _currentVoice = voice;
        return info;
    }

    private static void CheckVoiceName(string voice)
    {
        if (voice.Length is 0 or > MaxVoiceNameLength || !voice.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+' or '/'))
        {
            throw new UnknownVoiceException(voice, $"a voice is 1 to {MaxVoiceNameLength} ASCII letters, digits or - _ + /");
        }

        if (voice.StartsWith("mb", StringComparison.OrdinalIgnoreCase))
        {
            throw new UnknownVoiceException(voice, "MBROLA voices are not supported; use an espeak-ng voice such as en-us");
        }
    }

    private static int SetVoiceByLanguage(string language)
    {
        var languagePointer = Marshal.StringToCoTaskMemUTF8(language);
        try
        {
            var spec = new EspeakNative.EspeakVoice { Languages = languagePointer };
            return EspeakNative.SetVoiceByProperties(ref spec);
        }
        finally
        {
            Marshal.FreeCoTaskMem(languagePointer);
        }
    }

    private static EspeakVoiceInfo ReadCurrentVoice(string requested)
    {
        var pointer = EspeakNative.GetCurrentVoice();
        if (pointer == IntPtr.Zero)
        {
            throw new UnknownVoiceException(requested, "espeak-ng selected no voice");
        }

        var voice = Marshal.PtrToStructure<EspeakNative.EspeakVoice>(pointer);
        var identifier = voice.Identifier == IntPtr.Zero ? requested : Marshal.PtrToStringUTF8(voice.Identifier) ?? requested;
        // "languages" is a priority byte followed by the language name.
        var languages = voice.Languages == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(voice.Languages);
        var language = string.IsNullOrEmpty(languages) ? requested : new string(languages.SkipWhile(c => !char.IsAsciiLetter(c)).ToArray());
        return new EspeakVoiceInfo(identifier, language);
    }

    private static bool SamePath(string requested, string? firstRequested, string dataPathInUse)
    {
        static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var wanted = Normalize(requested);
        return (firstRequested is not null && wanted == Normalize(firstRequested))
            || wanted == Normalize(dataPathInUse)
            || Path.Combine(wanted, "espeak-ng-data") == Normalize(dataPathInUse);
    }
}
