using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Scraps.Inference.Package;
using Scraps.Inference.Runtime;
using Scraps.Inference.Scoring;

namespace Scraps.Cli;

/// <summary>
/// <c>scraps rank AUDIO CANDIDATE... [--phonemes] [--file F] [--json] [--model DIR]</c>: one clip against candidate
/// transcripts (an ASR n-best list) or pronunciations (X-SAMPA with --phonemes), best first: the same ranking as the
/// service's POST /v1/rank.
/// </summary>
internal static class RankCommand
{
    public static Command Create()
    {
        var audio = new Argument<string>("audio") { Description = "Audio file (WAV, FLAC, ...; any rate, mono or stereo)" };
        var candidates = new Argument<string[]>("candidates") { Description = "Candidate transcripts (or X-SAMPA strings with --phonemes)", Arity = ArgumentArity.ZeroOrMore };
        var file = new Option<string?>("--file", "-f") { Description = "Read the candidates from a text file, one a line (blank lines skipped)" };
        var phonemes = new Option<bool>("--phonemes") { Description = "The candidates are X-SAMPA phoneme strings, space-separated" };
        var json = new Option<bool>("--json") { Description = "Print JSON (the shape of POST /v1/rank) instead of a table" };
        var model = new Option<string?>("--model", "-m") { Description = $"Model package folder (default: the bundled {ModelLocator.DefaultRelativePath})" };

        var command = new Command("rank", "Rank candidate transcripts or pronunciations for one clip, best first") { audio, candidates, file, phonemes, json, model };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var list = (parse.GetValue(candidates) ?? []).ToList();
            if (parse.GetValue(file) is { } path)
            {
                if (!File.Exists(path))
                {
                    throw new FileNotFoundException($"candidates file not found: {path}", path);
                }

                list.AddRange(File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()));
            }
            if (list.Count == 0)
            {
                throw new ArgumentException("give at least one candidate (arguments or --file)");
            }

            return await RunAsync(parse.GetRequiredValue(audio), list, parse.GetValue(phonemes), parse.GetValue(json), parse.GetValue(model),
                parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        string audioPath, IReadOnlyList<string> candidates, bool isPhonemes, bool json, string? modelFolder, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!File.Exists(audioPath))
        {
            throw new FileNotFoundException($"audio file not found: {audioPath}", audioPath);
        }

        // A bad package is an input error the runner reports (IInputError).
        var model = ScrapsModel.Load(ModelLocator.Resolve(modelFolder));

        using (model)
        {
            var scorer = new ScrapsScorer(model, isPhonemes ? null : model.CreatePhonemizer());
            var clip = scorer.Inputs.PrepareClip(File.ReadAllBytes(audioPath), Path.GetFileName(audioPath));
            var inputs = candidates.Select((c, i) => scorer.Inputs.PreparePhonemes(c, isPhonemes, $"candidate {i + 1}")).ToArray();
            var ranked = await scorer.RankAsync(clip.Features, inputs, cancellationToken);
            if (json)
            {
                stdout.WriteLine(JsonSerializer.Serialize(
                    new
                    {
                        candidates = ranked.Select(r => new
                        {
                            index = r.Index,
                            candidate = candidates[r.Index],
                            phonemes = r.Phonemes.XSampa,
                            score = Math.Round(r.Score.Score, 6),
                            probability = Math.Round(r.Score.Probability, 6),
                            match = r.Score.Match,
                            alignmentScore = r.Score.AlignmentScore is { } a ? Math.Round(a, 6) : (double?)null,
                        }),
                        audioSeconds = Math.Round(clip.Seconds, 4),
                        model = $"{model.Manifest.Name}@{model.Manifest.Version}",
                    },
                    new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }

            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"rank",4}  {"score",8}  {"p",7}  {"align",7}  match  candidate"));
            for (var i = 0; i < ranked.Length; i++)
            {
                var r = ranked[i];
                var align = r.Score.AlignmentScore is { } a ? a.ToString("0.000", CultureInfo.InvariantCulture) : "-";
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{i + 1,4}  {r.Score.Score,8:0.000}  {r.Score.Probability,7:0.0000}  {align,7}  {(r.Score.Match ? "yes" : "no"),5}  {candidates[r.Index]}"));
            }

            return 0;
        }
    }
}
