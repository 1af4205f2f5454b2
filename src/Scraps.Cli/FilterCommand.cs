using System.CommandLine;
using System.Globalization;
using Scraps.Inference.Manifests;
using Scraps.Inference.Manifests.Filtering;

namespace Scraps.Cli;

/// <summary>
/// <c>scraps filter --manifest IN --scores S.jsonl [--scores ...] --kept OUT --dropped OUT</c>: the scored manifest split
/// into what to keep and what to drop, each in the manifest's own format with its scores added, ready for the next
/// step of a pipeline. Keeps by the scores' <c>match</c> (the operating point they were scored at), or by
/// <c>--min-probability</c>. Rerun it after more scoring: it writes both outputs anew.
/// </summary>
internal static class FilterCommand
{
    public static Command Create()
    {
        var manifest = new Option<string>("--manifest", "-i") { Description = "The manifest that was scored (any format scraps score reads)", Required = true };
        var scores = new Option<string[]>("--scores", "-s") { Description = "scraps score output (repeat for shards)", Required = true, AllowMultipleArgumentsPerToken = true };
        var kept = new Option<string>("--kept") { Description = "Where the kept entries go (a file; a folder for a Kaldi data directory)", Required = true };
        var dropped = new Option<string>("--dropped") { Description = "Where the dropped entries go (a file; a folder for a Kaldi data directory)", Required = true };
        var minProbability = new Option<double?>("--min-probability") { Description = "Keep entries whose match probability is at least this, instead of their 'match'" };
        var shard = new Option<string?>("--shard") { Description = "Filter only shard i of n (0-based), as scraps score --shard" };
        var formats = new Manifests.ManifestFormatOptions();
        var command = new Command("filter", "Split a scored manifest into kept and dropped entries, each in the manifest's own format with its scores")
        {
            manifest, scores, kept, dropped, minProbability, shard,
        };
        formats.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var min = parse.GetValue(minProbability);
            if (min is { } p && !(p >= 0 && p <= 1))
            {
                throw new ArgumentException($"--min-probability must be in [0, 1], got {p}");
            }

            var verdicts = ScoreVerdict.ReadAll(parse.GetRequiredValue(scores));
            var shardText = parse.GetValue(shard);
            var summary = ManifestFilter.Run(
                formats.Source(parse, parse.GetRequiredValue(manifest)),
                verdicts,
                new FilterRule(min),
                parse.GetRequiredValue(kept),
                parse.GetRequiredValue(dropped),
                shardText is null ? ShardSpec.All : ShardSpec.Parse(shardText),
                cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kept {summary.Kept} -> {summary.KeptPath}; dropped {summary.Dropped} -> {summary.DroppedPath}"));
            if (summary.Unscored > 0)
            {
                parse.InvocationConfiguration.Error.WriteLine(
                    $"{summary.Unscored} entr{(summary.Unscored == 1 ? "y" : "ies")} of the manifest had no score (bad, or not scored yet) and are in neither output, e.g. {string.Join(", ", summary.UnscoredExamples)}");
            }

            if (summary.Kept + summary.Dropped == 0)
            {
                parse.InvocationConfiguration.Error.WriteLine("error: no entry of the manifest has a score in the given score files: wrong manifest or scores?");
                return Task.FromResult(Scraps.Shared.CommandLineRunner.InputError);
            }

            return Task.FromResult(0);
        });
        return command;
    }
}
