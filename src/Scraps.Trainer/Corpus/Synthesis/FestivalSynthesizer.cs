using System.Globalization;
using System.Text;

namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>
/// Festival: the voices installed under its voices folder (here kal_diphone and cmu_us_slt_arctic_hts). It takes
/// about a second to start, so clips are synthesized in batches by one Scheme script per batch. Rate and pitch:
/// Duration_Stretch and the intonation target mean for diphone voices, hts_engine's -r and -fm for HTS voices.
/// </summary>
internal sealed class FestivalSynthesizer : ISpeechSynthesizer
{
    public const string EngineName = "festival";
    public const string DefaultVoicesDirectory = "/usr/share/festival/voices";
    private const string Program = "festival";

    private FestivalSynthesizer(IReadOnlyList<string> voices, int batchSize)
    {
        Voices = voices;
        BatchSize = batchSize;
    }

    public string Name => EngineName;

    public IReadOnlyList<string> Voices { get; }

    public int BatchSize { get; }

    public static FestivalSynthesizer? Discover(string voicesDirectory = DefaultVoicesDirectory, int batchSize = 16)
    {
        if (!ProgramLocator.Exists(Program) || !Directory.Exists(voicesDirectory))
        {
            return null;
        }

        var voices = Directory.EnumerateDirectories(voicesDirectory)
            .SelectMany(Directory.EnumerateDirectories)
            .Where(d => Directory.Exists(Path.Combine(d, "festvox")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(IsSchemeName)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return voices.Length == 0 ? null : new FestivalSynthesizer(voices, batchSize);
    }

    public SynthesisSettings DrawSettings(string voice, SeededRandom random) => IsHts(voice)
        ? SynthesisSettings.Draw(random, 0.85, 1.2, 0.85, 1.18)
        : SynthesisSettings.Draw(random, 0.8, 1.25, 0.85, 1.2);

    public async Task SynthesizeAsync(IReadOnlyList<SynthesisRequest> requests, string workDirectory, CancellationToken cancellationToken)
    {
        if (requests.Count == 0)
        {
            return;
        }

        var script = Path.Combine(workDirectory, "festival-batch.scm");
        await File.WriteAllTextAsync(script, BuildScript(requests), cancellationToken).ConfigureAwait(false);
        // A clip festival could not speak is left without its file; the caller reports it and keeps the others.
        await ExternalProcess.RunAsync(Program, ["-b", script], workingDirectory: workDirectory, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The Scheme batch: per utterance, select the voice (which resets its parameters), set rate and pitch, synthesize, save.</summary>
    internal static string BuildScript(IReadOnlyList<SynthesisRequest> requests)
    {
        var script = new StringBuilder();
        foreach (var request in requests)
        {
            if (!IsSchemeName(request.Voice))
            {
                throw new ArgumentException($"not a festival voice name: '{request.Voice}'");
            }

            var rate = request.Settings.Rate.ToString("0.###", CultureInfo.InvariantCulture);
            script.Append("(voice_").Append(request.Voice).Append(")\n");
            if (IsHts(request.Voice))
            {
                var semitones = (12.0 * Math.Log2(request.Settings.Pitch)).ToString("0.###", CultureInfo.InvariantCulture);
                script.Append("(set! hts_engine_params (append hts_engine_params (list (list \"-r\" ").Append(rate)
                    .Append(") (list \"-fm\" ").Append(semitones).Append("))))\n");
            }
            else
            {
                var stretch = (1.0 / request.Settings.Rate).ToString("0.###", CultureInfo.InvariantCulture);
                var pitch = request.Settings.Pitch.ToString("0.###", CultureInfo.InvariantCulture);
                script.Append("(Parameter.set 'Duration_Stretch ").Append(stretch).Append(")\n");
                script.Append("(if (assoc 'target_f0_mean int_lr_params) (set! int_lr_params (cons (list 'target_f0_mean (* ")
                    .Append(pitch).Append(" (car (cdr (assoc 'target_f0_mean int_lr_params))))) int_lr_params)))\n");
            }

            script.Append("(utt.save.wave (utt.synth (Utterance Text ").Append(Quote(request.Text)).Append(")) ")
                .Append(Quote(request.OutputPath)).Append(" 'riff)\n");
        }

        return script.ToString();
    }

    private static bool IsHts(string voice) => voice.EndsWith("_hts", StringComparison.Ordinal);

    private static bool IsSchemeName(string name) => name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
