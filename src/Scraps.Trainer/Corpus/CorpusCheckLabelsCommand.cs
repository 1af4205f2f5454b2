using System.CommandLine;
using System.Globalization;
using Scraps.Data;
using Scraps.Inference.Package;
using Scraps.Inference.Runtime;
using Scraps.Trainer.Corpus.Labels;

namespace Scraps.Trainer.Corpus;

/// <summary>`scraps-train corpus check-labels`: how often a cache's phone labels agree with a forced alignment of the audio.</summary>
internal static class CorpusCheckLabelsCommand
{
    public static Command Create()
    {
        var cache = new Option<string>("--cache") { Description = "Feature cache whose phone labels to check", Required = true };
        var model = new Option<string?>("--model") { Description = "Model package whose CTC head aligns (one trained WITHOUT frame labels; default: the bundled one)" };
        var split = new Option<string>("--split") { Description = "Split to sample", DefaultValueFactory = _ => "valid" };
        var clips = new Option<int>("--clips") { Description = "Labelled clips to check", DefaultValueFactory = _ => 300 };
        var tolerance = new Option<double>("--tolerance-ms") { Description = "How far outside its labelled span an aligned phone's middle may fall and still agree", DefaultValueFactory = _ => 40 };
        var shift = new Option<double>("--shift-ms") { Description = "Move every label by this much first: a control (agreement should drop)", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime threads", DefaultValueFactory = _ => 1 };
        var command = new Command("check-labels", "Check the frame labels of a feature cache against a forced alignment by a model that never saw them")
        {
            cache, model, split, clips, tolerance, shift, seed, threads,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var (stdout, stderr) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var count = parse.GetValue(clips);
            var toleranceMs = parse.GetValue(tolerance);
            if (count <= 0 || !(toleranceMs >= 0))
            {
                stderr.WriteLine("error: --clips must be positive and --tolerance-ms at least 0");
                return Task.FromResult(2);
            }

            using var features = FeatureCache.Open(parse.GetValue(cache)!);
            var labelled = features.InSplit(parse.GetValue(split)!).Where(c => c.PhoneFrames is not null).ToArray();
            if (labelled.Length == 0)
            {
                stderr.WriteLine($"error: the '{parse.GetValue(split)}' split of {features.Directory} has no clip with phone labels");
                return Task.FromResult(2);
            }

            // A seeded shuffle (string hashes are randomised per process, so they cannot order a reproducible sample).
            var draw = new Scraps.Model.Training.DeterministicRandom(parse.GetValue(seed), 0x4c41424c, 0);
            var sample = labelled.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => (Key: draw.NextUInt64(), Clip: c))
                .OrderBy(x => x.Key).Take(count).Select(x => x.Clip).ToArray();
            using var aligner = ScrapsModel.Load(ModelLocator.Resolve(parse.GetValue(model)), new ScrapsModelOptions { IntraOpThreads = parse.GetValue(threads) });
            var figures = PhoneLabelCheck.Run(aligner, features, sample, toleranceMs / 1000, parse.GetValue(shift) / 1000, cancellationToken);
            var c = CultureInfo.InvariantCulture;
            stdout.WriteLine(string.Create(c,
                $"{figures.Clips} clips ({figures.Unaligned} not alignable), {figures.Phones} phones aligned by {aligner.Manifest.Name}@{aligner.Manifest.Version}: " +
                $"{figures.Agreement:P1} inside their labelled span +- {toleranceMs:0} ms; distance outside it median {figures.Median * 1000:0} ms, 90th percentile {figures.Percentile90 * 1000:0} ms"));
            foreach (var (voice, agree, phones) in figures.ByVoice)
            {
                stdout.WriteLine(string.Create(c, $"  {voice,-28} {phones,7} phones  {(double)agree / phones:P1}"));
            }

            return Task.FromResult(figures.Phones > 0 ? 0 : 2);
        });
        return command;
    }
}
