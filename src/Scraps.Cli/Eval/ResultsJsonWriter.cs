using System.Text.Json;
using Scraps.Inference.Evaluation;

namespace Scraps.Cli.Eval;

/// <summary>
/// Writes <c>results.json</c>: <c>pairs</c>, <c>subset</c> (null for the whole manifest), <c>minibatch</c> {<c>auc</c>, <c>eer</c>, <c>r1_audio_to_text</c>,
/// <c>r1_text_to_audio</c>}, <c>substitution</c>, <c>gaussian</c>, <c>mix</c> (each a list of {<c>level</c>, <c>auc</c>,
/// <c>auc_ci</c>, <c>drop</c>, <c>drop_ci</c>, <c>lift</c>, <c>lift_ci</c>}) and <c>word_swap</c> {<c>auc</c>, <c>pairs</c>}.
/// Rates and levels are fractions in [0, 1], intervals [lower, upper] at 95%, numbers rounded to 6 decimals;
/// <c>word_swap.auc</c>, and any figure or bound, is null when it could not be measured (no transcript could be
/// swapped; no transcript of a single word can lose one).
/// </summary>
internal static class ResultsJsonWriter
{
    public const string FileName = "results.json";

    public static void Write(EvalReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("pairs", report.Pairs);
        json.WriteString("subset", report.Subset);

        json.WriteStartObject("minibatch");
        Number(json, "auc", report.Minibatch.AucRoc.Estimate);
        Number(json, "eer", report.Minibatch.EqualErrorRate.Estimate);
        Number(json, "r1_audio_to_text", report.Minibatch.RecallAt1AcousticToPhonetic.Estimate);
        Number(json, "r1_text_to_audio", report.Minibatch.RecallAt1PhoneticToAcoustic.Estimate);
        json.WriteEndObject();

        Levels(json, "substitution", report.Substitution);
        Levels(json, "gaussian", report.Gaussian);
        Levels(json, "mix", report.Mix);

        json.WriteStartObject("word_swap");
        if (report.WordSwap.Auc is { } auc)
        {
            Number(json, "auc", auc);
        }
        else
        {
            json.WriteNull("auc");
        }

        json.WriteNumber("pairs", report.WordSwap.Pairs);
        json.WriteEndObject();

        if (report.NearMisses is { } n)
        {
            json.WriteStartObject("near_misses");
            json.WriteBoolean("alignment", n.HasAlignment);
            foreach (var row in new[] { n.Substitution, n.Deletion, n.Insertion })
            {
                json.WriteStartObject(row.Kind.Replace(' ', '_').Replace('-', '_'));
                json.WriteNumber("pairs", row.Pairs);
                Number(json, "auc_score", row.ScoreAuc.Estimate);
                Interval(json, "auc_score_ci", row.ScoreAuc);
                Number(json, "auc_verdict", row.VerdictAuc.Estimate);
                Interval(json, "auc_verdict_ci", row.VerdictAuc);
                json.WriteEndObject();
            }

            json.WriteStartObject("localisation");
            json.WriteNumber("pairs", n.LocalisedPairs);
            if (n.LocalisationVerdict is { } verdict)
            {
                Number(json, "top1_verdict", verdict.Estimate);
                Interval(json, "top1_verdict_ci", verdict);
            }

            Number(json, "top1_score", n.LocalisationScore.Estimate);
            Interval(json, "top1_score_ci", n.LocalisationScore);
            if (n.LocalisationGoodness is { } goodness)
            {
                Number(json, "top1_goodness", goodness.Estimate);
                Interval(json, "top1_goodness_ci", goodness);
            }

            if (n.LocalisationMatching is { } matching)
            {
                Number(json, "top1_matching", matching.Estimate);
                Interval(json, "top1_matching_ci", matching);
            }
            json.WriteEndObject();
            json.WriteStartObject("decisions");
            Number(json, "false_rejects", n.FalseRejects.Estimate);
            Interval(json, "false_rejects_ci", n.FalseRejects);
            Number(json, "near_miss_false_accepts", n.NearMissFalseAccepts.Estimate);
            Interval(json, "near_miss_false_accepts_ci", n.NearMissFalseAccepts);
            Number(json, "random_false_accepts", n.RandomFalseAccepts.Estimate);
            Interval(json, "random_false_accepts_ci", n.RandomFalseAccepts);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    public static void Write(EvalReport report, string path)
    {
        using var stream = File.Create(path);
        Write(report, stream);
    }

    private static void Levels(Utf8JsonWriter json, string name, IReadOnlyList<CorruptionLevelResult> levels)
    {
        json.WriteStartArray(name);
        foreach (var level in levels)
        {
            json.WriteStartObject();
            Number(json, "level", level.Level);
            Number(json, "auc", level.Auc.Estimate);
            Interval(json, "auc_ci", level.Auc);
            Number(json, "drop", level.Shift.DropRate.Estimate);
            Interval(json, "drop_ci", level.Shift.DropRate);
            Number(json, "lift", level.Shift.LiftRate.Estimate);
            Interval(json, "lift_ci", level.Shift.LiftRate);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Interval(Utf8JsonWriter json, string name, ConfidenceInterval interval)
    {
        json.WriteStartArray(name);
        foreach (var bound in new[] { interval.Lower, interval.Upper })
        {
            if (double.IsFinite(bound))
            {
                json.WriteNumberValue(Math.Round(bound, 6));
            }
            else
            {
                json.WriteNullValue();
            }
        }

        json.WriteEndArray();
    }

    /// <summary>A figure, or null where it could not be measured (a near-miss kind no transcript allowed: a single word cannot lose one).</summary>
    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, Math.Round(value, 6));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
