using System.Globalization;
using System.Text;

namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>
/// flite: its compiled-in voices (kal, kal16, awb, rms, slt; awb_time only speaks clock times and is left out),
/// with random duration stretch and target pitch.
/// </summary>
internal sealed class FliteSynthesizer : ISpeechSynthesizer
{
    public const string EngineName = "flite";
    private const string Program = "flite";

    /// <summary>Each voice's approximate mean F0 in Hz, scaled by the drawn pitch factor.</summary>
    private static readonly Dictionary<string, double> MeanPitch = new(StringComparer.Ordinal)
    {
        ["kal"] = 105,
        ["kal16"] = 105,
        ["awb"] = 110,
        ["rms"] = 100,
        ["slt"] = 170,
    };

    private FliteSynthesizer(IReadOnlyList<string> voices) => Voices = voices;

    public string Name => EngineName;

    public IReadOnlyList<string> Voices { get; }

    public int BatchSize => 1;

    public static async Task<FliteSynthesizer?> DiscoverAsync(CancellationToken cancellationToken)
    {
        if (!ProgramLocator.Exists(Program))
        {
            return null;
        }

        var listing = Encoding.UTF8.GetString(await ExternalProcess.RunAsync(Program, ["-lv"], cancellationToken: cancellationToken).ConfigureAwait(false));
        var voices = ParseVoices(listing);
        return voices.Count == 0 ? null : new FliteSynthesizer(voices);
    }

    public SynthesisSettings DrawSettings(string voice, SeededRandom random) => SynthesisSettings.Draw(random, 0.8, 1.25, 0.85, 1.2);

    public async Task SynthesizeAsync(IReadOnlyList<SynthesisRequest> requests, string workDirectory, CancellationToken cancellationToken)
    {
        foreach (var request in requests)
        {
            var stretch = (1.0 / request.Settings.Rate).ToString("0.###", CultureInfo.InvariantCulture);
            var f0 = (MeanPitch.GetValueOrDefault(request.Voice, 110) * request.Settings.Pitch).ToString("0.#", CultureInfo.InvariantCulture);
            await ExternalProcess.RunAsync(
                Program,
                ["-voice", request.Voice, "--setf", $"duration_stretch={stretch}", "--setf", $"int_f0_target_mean={f0}", "-t", request.Text, "-o", request.OutputPath],
                workingDirectory: workDirectory,
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Parses `flite -lv`: "Voices available: kal awb_time kal16 awb rms slt".</summary>
    internal static IReadOnlyList<string> ParseVoices(string listing)
    {
        var colon = listing.IndexOf(':', StringComparison.Ordinal);
        var names = colon < 0 ? listing : listing[(colon + 1)..];
        return names.Split([' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Where(v => v != "awb_time")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
