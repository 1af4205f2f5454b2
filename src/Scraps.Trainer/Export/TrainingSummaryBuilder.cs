using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scraps.Data;
using Scraps.Model.Training;

namespace Scraps.Trainer.Export;

/// <summary>
/// model.json's <c>trainingSummary</c>: steps and config of the checkpoint, clip counts per split and the corpus
/// (voices used, hours) of the cache, the corpus.json summary when the cache or its manifest folder has one, the run's
/// last validation row (valid.csv) and the held-out calibration and parity figures measured at export.
/// </summary>
internal static class TrainingSummaryBuilder
{
    private const string CorpusFile = "corpus.json";
    private const string ValidCsv = "valid.csv";

    public static JsonObject Build(ExportCheckpoint checkpoint, FeatureCache cache, CalibrationFigures calibration, ParityResult parity, VerdictFigures? verdict = null)
    {
        var state = checkpoint.State;
        var counts = cache.Utterances.GroupBy(u => u.Split).ToDictionary(g => g.Key, g => g.Count());
        var summary = new JsonObject
        {
            ["steps"] = state.Step,
            ["checkpoint"] = checkpoint.Name,
            ["config"] = state.Options.Config.Name,
            ["batchSize"] = state.Options.BatchSize,
            ["learningRate"] = state.Options.LearningRate,
            ["lastTrainingLoss"] = Finite(state.LastLoss),
            ["clips"] = new JsonObject
            {
                [DataSplits.Train] = counts.GetValueOrDefault(DataSplits.Train),
                [DataSplits.Valid] = counts.GetValueOrDefault(DataSplits.Valid),
                [DataSplits.Test] = counts.GetValueOrDefault(DataSplits.Test),
            },
            ["cache"] = Path.GetFileName(cache.Directory.TrimEnd(Path.DirectorySeparatorChar)),
            ["inventoryVersion"] = cache.InventoryVersion,
            ["voices"] = cache.Utterances.Select(u => u.Voice).Distinct(StringComparer.Ordinal).Count(),
            ["hours"] = Math.Round(cache.Utterances.Sum(u => (long)u.Frames) * Scraps.Audio.LogMel.FrameSeconds / 3600, 4),
        };

        summary["augmentation"] = Augmentation(state.Options);

        if (state.Options.InitialWeights is { } initial)
        {
            summary["startedFrom"] = StartedFrom(initial);
        }

        if (FindCorpusSummary(cache.Directory) is { } corpus)
        {
            summary["corpus"] = corpus;
        }

        if (checkpoint.RunDirectory is not null && LastValidationRow(Path.Combine(checkpoint.RunDirectory, ValidCsv), state.Step) is { } validation)
        {
            summary["lastValidation"] = validation;
        }

        summary["calibration"] = new JsonObject
        {
            ["split"] = calibration.Split,
            ["matchedPairs"] = calibration.MatchedPairs,
            ["mismatchedPairs"] = calibration.MismatchedPairs,
            ["aucRoc"] = Math.Round(calibration.AucRoc, 6),
            ["eer"] = Math.Round(calibration.EqualErrorRate, 6),
            ["matchedMean"] = Math.Round(calibration.MatchedMean, 6),
            ["mismatchedMean"] = Math.Round(calibration.MismatchedMean, 6),
        };
        if (state.Options.HardNegatives > 0 || state.Options.CtcWeight > 0)
        {
            summary["phoneAware"] = new JsonObject
            {
                ["hardNegatives"] = state.Options.HardNegatives,
                ["hardNegativeKinds"] = state.Options.HardNegativeKinds.ToString(),
                ["hardNegativeWeight"] = state.Options.HardNegativeWeight,
                ["ctcWeight"] = state.Options.CtcWeight,
            };
        }

        if (verdict is not null)
        {
            summary["verdict"] = new JsonObject
            {
                ["clips"] = verdict.Pairs,
                ["aucRandom"] = Math.Round(verdict.RandomAuc, 6),
                ["aucNearMiss"] = Math.Round(verdict.NearMissAuc, 6),
                ["aucNearMissScoreOnly"] = Math.Round(verdict.NearMissAucScoreOnly, 6),
                ["falseRejects"] = Math.Round(verdict.FalseRejects, 6),
                ["nearMissFalseAccepts"] = Math.Round(verdict.NearMissFalseAccepts, 6),
                ["randomFalseAccepts"] = Math.Round(verdict.RandomFalseAccepts, 6),
            };
        }

        summary["parity"] = new JsonObject
        {
            ["items"] = parity.Items,
            ["maxRelativeErrorAcoustic"] = parity.MaxAcousticError,
            ["maxRelativeErrorPhonetic"] = parity.MaxPhoneticError,
            ["maxRelativeErrorPhoneLogProbs"] = parity.MaxPhoneLogProbError,
            ["maxRelativeErrorMatching"] = parity.MaxMatchingError,
        };
        return summary;
    }

    /// <summary>The corpus.json (voices per synthesizer, clips and hours built) of the cache folder or of the folder of the manifest it was built from.</summary>
    internal static JsonObject? FindCorpusSummary(string cacheDirectory)
    {
        foreach (var folder in CandidateFolders(cacheDirectory))
        {
            var path = Path.Combine(folder, CorpusFile);
            if (!File.Exists(path))
            {
                continue;
            }

            try
            {
                var node = JsonNode.Parse(File.ReadAllText(path));
                var result = new JsonObject { ["file"] = path };
                if (node?["settings"]?["voices"] is JsonObject voices)
                {
                    result["synthesizerVoices"] = voices.DeepClone();
                }

                if (node?["summary"] is JsonObject built)
                {
                    result["clips"] = built["clips"]?.DeepClone();
                    result["hours"] = built["audioHours"]?.DeepClone();
                }

                return result;
            }
            catch (JsonException)
            {
                return null; // An unreadable corpus.json only costs the summary its corpus section.
            }
        }

        return null;
    }

    /// <summary>The feature-level augmentations of the run (the eval's robustness corruptions have the same form as noise and mix).</summary>
    internal static JsonObject Augmentation(TrainingOptions options) => new()
    {
        ["specAugment"] = options.SpecAugment,
        ["noiseProbability"] = options.NoiseAugmentProbability,
        ["mixProbability"] = options.MixAugmentProbability,
        ["maxAlpha"] = options.NoiseAugmentProbability + options.MixAugmentProbability > 0 ? options.AugmentMaxAlpha : null,
    };

    /// <summary>
    /// The run a checkpoint's weights started from (fit --init-from): its checkpoint folder and, when its state.json is still
    /// there, its steps, batch size and clip limit, so that the summary tells the whole training, not only the last stage.
    /// </summary>
    internal static JsonObject StartedFrom(string initialWeights)
    {
        var result = new JsonObject { ["checkpoint"] = initialWeights };
        try
        {
            var source = CheckpointStore.Find(initialWeights, "initial weights");
            result["steps"] = source.Step;
            result["batchSize"] = source.Options.BatchSize;
            result["maxClipFrames"] = source.Options.MaxClipFrames;
            if (source.Options.InitialWeights is not null)
            {
                result["startedFrom"] = source.Options.InitialWeights;
            }
        }
        catch (Exception e) when (e is IOException or ArgumentException or CheckpointFormatException or UnauthorizedAccessException)
        {
            result["note"] = $"not readable at export: {e.Message}";
        }

        return result;
    }

    /// <summary>The last row of valid.csv at or before <paramref name="step"/>, camelCase keys and numbers; null when there is none.</summary>
    internal static JsonObject? LastValidationRow(string path, long step)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length < 2)
        {
            return null;
        }

        var header = lines[0].Split(',');
        foreach (var line in lines.Skip(1).Reverse())
        {
            var values = line.Split(',');
            if (values.Length != header.Length
                || !long.TryParse(values[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rowStep) || rowStep > step)
            {
                continue;
            }

            var row = new JsonObject();
            for (var i = 0; i < header.Length; i++)
            {
                row[CamelCase(header[i])] = double.TryParse(values[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? Finite(number)
                    : values[i];
            }

            return row;
        }

        return null;
    }

    private static IEnumerable<string> CandidateFolders(string cacheDirectory)
    {
        yield return cacheDirectory;
        var index = Path.Combine(cacheDirectory, "index.json");
        string? manifest = null;
        try
        {
            using var stream = File.OpenRead(index);
            using var document = JsonDocument.Parse(stream);
            if (document.RootElement.TryGetProperty("manifest", out var value) && value.ValueKind == JsonValueKind.String)
            {
                manifest = value.GetString();
            }
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            // No manifest folder to look in.
        }

        if (!string.IsNullOrEmpty(manifest) && Path.GetDirectoryName(Path.GetFullPath(manifest, cacheDirectory)) is { } folder)
        {
            yield return folder;
        }
    }

    private static JsonNode? Finite(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    private static string CamelCase(string snake)
    {
        var parts = snake.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select((p, i) => i == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }
}

/// <summary>The held-out calibration figures measured at export.</summary>
internal sealed record CalibrationFigures(
    string Split, int MatchedPairs, int MismatchedPairs, double AucRoc, double EqualErrorRate, double MatchedMean, double MismatchedMean);
