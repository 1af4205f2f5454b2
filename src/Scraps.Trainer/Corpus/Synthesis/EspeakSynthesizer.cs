using System.Globalization;
using System.Text;
using Scraps.Phonetics;
using Scraps.Phonetics.Timing;

namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>
/// espeak-ng: every English accent it ships (en-us, en-gb, en-gb-scotland, en-gb-x-rp, en-029, ...; MBROLA
/// voices need data that is not installed and are left out), each plain and with each voice variant
/// (+f1..+f5, +m1..+m8, +klatt..., named variants), with random rate and pitch.
/// </summary>
internal sealed class EspeakSynthesizer : ISpeechSynthesizer
{
    public const string EngineName = "espeak-ng";
    private const string Program = "espeak-ng";
    private const int DefaultWordsPerMinute = 175;
    private const int DefaultPitch = 50;

    private EspeakSynthesizer(IReadOnlyList<string> accents, IReadOnlyList<string> variants)
    {
        Accents = accents;
        Variants = variants;
        Voices = accents.SelectMany(a => variants.Select(v => $"{a}+{v}").Prepend(a)).Order(StringComparer.Ordinal).ToArray();
    }

    public string Name => EngineName;

    public IReadOnlyList<string> Voices { get; }

    public IReadOnlyList<string> Accents { get; }

    public IReadOnlyList<string> Variants { get; }

    public int BatchSize => 1;

    /// <summary>The engine with the accents and variants installed here, or null when espeak-ng is missing.</summary>
    public static async Task<EspeakSynthesizer?> DiscoverAsync(CancellationToken cancellationToken)
    {
        if (!ProgramLocator.Exists(Program))
        {
            return null;
        }

        var english = Encoding.UTF8.GetString(await ExternalProcess.RunAsync(Program, ["--voices=en"], cancellationToken: cancellationToken).ConfigureAwait(false));
        var variants = Encoding.UTF8.GetString(await ExternalProcess.RunAsync(Program, ["--voices=variant"], cancellationToken: cancellationToken).ConfigureAwait(false));
        var accents = ParseVoiceList(english)
            .Where(v => v.File.StartsWith("gmw/", StringComparison.Ordinal) && v.Language.StartsWith("en", StringComparison.Ordinal))
            .Select(v => v.Language)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var variantNames = ParseVoiceList(variants)
            .Where(v => v.File.StartsWith("!v/", StringComparison.Ordinal))
            .Select(v => v.File["!v/".Length..])
            .Where(v => v.Length > 0 && !v.Contains(' ', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return accents.Length == 0 ? null : new EspeakSynthesizer(accents, variantNames);
    }

    public SynthesisSettings DrawSettings(string voice, SeededRandom random) => SynthesisSettings.Draw(random, 0.75, 1.35, 0.5, 1.5);

    /// <summary>
    /// The WAV comes from the espeak-ng program, one process per clip, because only a fresh process speaks the same
    /// samples every time (libespeak-ng in a long-lived process carries pitch-cycle and noise state from one utterance to
    /// the next: the same clip twice differs by a few samples, which would break the corpus's determinism). The phone
    /// times come from libespeak-ng in this process, which says where each phoneme starts: the same phonemes and
    /// durations as the program's, whose audio differs only in the trailing silence it appends. Where every phone maps
    /// to the inventory they are written to <see cref="SynthesisRequest.PhonesPath"/>.
    /// </summary>
    public async Task SynthesizeAsync(IReadOnlyList<SynthesisRequest> requests, string workDirectory, CancellationToken cancellationToken)
    {
        foreach (var request in requests)
        {
            var wordsPerMinute = (int)Math.Round(DefaultWordsPerMinute * request.Settings.Rate);
            var pitch = Math.Clamp((int)Math.Round(DefaultPitch * request.Settings.Pitch), 0, 99);
            await ExternalProcess.RunAsync(
                Program,
                ["-v", request.Voice, "-s", wordsPerMinute.ToString(CultureInfo.InvariantCulture), "-p", pitch.ToString(CultureInfo.InvariantCulture), "-w", request.OutputPath, request.Text],
                workingDirectory: workDirectory,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            try
            {
                if (Speaker.Value.Speak(request.Voice, request.Text, wordsPerMinute, pitch).Phones is { } phones)
                {
                    PhoneTimingFile.Write(request.PhonesPath, phones);
                }
            }
            catch (Exception e) when (e is UnknownVoiceException or InvalidOperationException or EspeakNotAvailableException)
            {
                // No phone times for this clip: it trains without frame labels, like a clip of another synthesizer.
            }
        }
    }

    /// <summary>One speaker for the process: libespeak-ng has one instance, used under a lock.</summary>
    private static readonly Lazy<EspeakSpeaker> Speaker = new(() => new EspeakSpeaker());

    /// <summary>Parses `espeak-ng --voices` output: columns Pty, Language, Age/Gender, VoiceName, File, Other.</summary>
    internal static IEnumerable<(string Language, string File)> ParseVoiceList(string listing)
    {
        foreach (var line in listing.Split('\n').Skip(1))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // A file name with a space ("!v/Mr serious") spills into the next column; espeak-ng cannot be asked for it
            // by that name (it silently falls back to the default variant), so it is left out rather than duplicated.
            if (columns.Length >= 5 && (columns.Length == 5 || columns[5].StartsWith('(')))
            {
                yield return (columns[1], columns[4]);
            }
        }
    }
}
