using System.CommandLine;
using Scraps.Data;
using Scraps.Phonetics;
using Spectre.Console;

namespace Scraps.Trainer.Corpus;

/// <summary>`scraps-train corpus features`: the feature cache (float16 log-mels, phoneme ids, train mean/std) of a manifest.</summary>
internal static class CorpusFeaturesCommand
{
    public static Command Create()
    {
        var manifest = new Option<string>("--manifest", "-m") { Description = "Manifest (JSON Lines)", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Cache folder", Required = true };
        var threads = new Option<int>("--threads", "-j") { Description = "Parallel feature workers", DefaultValueFactory = _ => Environment.ProcessorCount };
        var voice = new Option<string>("--voice") { Description = "espeak-ng voice for the phonemizer", DefaultValueFactory = _ => "en-us" };
        var statsFrom = new Option<string?>("--stats-from")
        {
            Description = "Take mean/std from this cache instead of this manifest's train split (for held-out or evaluation sets: standardised as the training data)",
        };
        var command = new Command("features", "Compute the feature cache of a manifest (resumable: unchanged shards are kept)")
        {
            manifest, output, threads, voice, statsFrom,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var threadCount = parse.GetValue(threads);
            if (threadCount < 1)
            {
                throw new ArgumentException($"--threads must be at least 1, got {threadCount}");
            }

            (float[] Mean, float[] Std)? statistics = null;
            if (parse.GetValue(statsFrom) is { } from)
            {
                using var source = FeatureCache.Open(from);
                statistics = (source.Mean, source.Std);
            }

            using var phonemizer = new EspeakPhonemizer(new EspeakOptions { Voice = parse.GetValue(voice)! });
            var result = await ConsoleProgress.RunAsync("features", "utt", display => Task.Run(
                () => statistics is { } stats
                    ? FeatureCacheBuilder.Build(parse.GetValue(manifest)!, parse.GetValue(output)!, phonemizer, threadCount, new DisplayProgress(display), stats, cancellationToken)
                    : FeatureCacheBuilder.Build(parse.GetValue(manifest)!, parse.GetValue(output)!, phonemizer, threadCount, new DisplayProgress(display), cancellationToken),
                cancellationToken));
            AnsiConsole.MarkupLineInterpolated(
                $"[green]{result.Cached + result.Reused}[/] utterances cached ({result.Cached} new, {result.Reused} kept) in {result.Elapsed.TotalSeconds:0.0} s; {result.Skipped.Count} skipped, {result.BadManifestLines.Count} bad manifest lines");
            foreach (var problem in result.BadManifestLines.Take(5))
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]bad line[/] {problem}");
            }

            foreach (var skipped in result.Skipped.Take(5))
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]skipped[/] {skipped.Id}: {skipped.Reason}");
            }

            return 0;
        });
        return command;
    }

    private sealed class DisplayProgress(IProgressDisplay display) : IProgress<FeatureCacheProgress>
    {
        public void Report(FeatureCacheProgress value) =>
            display.Update(value.Done, value.Total, value.Skipped > 0 ? $"features ({value.Skipped} skipped)" : "features");
    }
}
