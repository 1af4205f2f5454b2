using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Scraps.Data;
using Scraps.Inference.Evaluation;
using Scraps.Model.Loss;
using Scraps.Model.Modules;
using Scraps.Model.Runtime;
using Scraps.Model.Training;
using Scraps.Shared;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Scraps.Trainer.Tests.Fit;

[Collection(TrainingCollection.Name)]
public sealed class FitCommandTests(TinyCorpusFixture corpus, ITestOutputHelper log) : IClassFixture<TinyCorpusFixture>
{
    // A model small enough to train in seconds on one CPU thread.
    private const string TinyConfig = """
        { "name": "tiny", "modelDim": 64, "layers": 1, "heads": 2, "ffnDim": 128, "dropout": 0.1,
          "lstmHidden": 128, "acousticSubsampling": 4, "melBins": 80, "maxPositions": 1024, "vocabSize": 0 }
        """;

    [Fact]
    public async Task Trains_a_tiny_model_on_cpu_that_retrieves_its_clips()
    {
        // Done-when: a tiny corpus, a few hundred CPU steps in under 3 minutes, recall@1 >= 0.9 on those clips, loss falls.
        var run = Path.Combine(corpus.Root, "done-when");
        var clock = Stopwatch.StartNew();
        var (code, output, error) = await FitAsync(
            $"--cache {corpus.Cache} --config {Config()} --out {run} --steps 250 --batch 40 --lr 2e-3 --warmup 20 " +
            "--validate-every 125 --checkpoint-every 125 --log-every 25 --threads 1 --device cpu --seed 1");
        var training = clock.Elapsed;
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        Assert.True(corpus.BuildTime + training < TimeSpan.FromMinutes(3), $"corpus {corpus.BuildTime}, training {training}");
        Assert.Contains("device cpu: requested", output);

        var losses = File.ReadAllLines(Path.Combine(run, "train.csv")).Skip(1)
            .Select(l => double.Parse(l.Split(',')[2], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(10, losses.Length);
        Assert.True(losses[^1] < losses[0] / 4, $"loss {losses[0]} -> {losses[^1]}");
        Assert.Equal(3, File.ReadAllLines(Path.Combine(run, "valid.csv")).Length);
        Assert.Single(Directory.GetFiles(Path.Combine(run, "tensorboard")));

        var figures = RetrievalOnTrainingClips(run);
        log.WriteLine($"corpus {corpus.BuildTime.TotalSeconds:0.0} s, training {training.TotalSeconds:0.0} s, loss {losses[0]:0.000} -> {losses[^1]:0.000}, " +
                      $"{figures.BatchSize} clips: R@1 {figures.RecallAt1PhoneticToAcoustic:0.000}/{figures.RecallAt1AcousticToPhonetic:0.000}, AUC {figures.AucRoc:0.000}");
        log.WriteLine(output);
        Assert.True(figures.RecallAt1PhoneticToAcoustic >= 0.9, $"recall@1 phonetic->acoustic {figures.RecallAt1PhoneticToAcoustic}");
        Assert.True(figures.RecallAt1AcousticToPhonetic >= 0.9, $"recall@1 acoustic->phonetic {figures.RecallAt1AcousticToPhonetic}");
    }

    [Fact]
    public async Task Resume_continues_a_stopped_run_and_a_finished_run_is_not_overwritten()
    {
        var run = Path.Combine(corpus.Root, "resume");
        var first = await FitAsync($"--cache {corpus.Cache} --config {Config()} --out {run} --steps 6 --batch 8 --log-every 2 --validate-every 0 --threads 1 --device cpu");
        Assert.Equal(0, first.Code);

        var again = await FitAsync($"--cache {corpus.Cache} --config {Config()} --out {run} --steps 6 --threads 1 --device cpu");
        Assert.Equal(CommandLineRunner.InputError, again.Code);
        Assert.Contains("--resume", again.Error);

        // Resuming takes batch, config and the rest from the checkpoint; only --steps is given again.
        var resumed = await FitAsync($"--cache {corpus.Cache} --out {run} --resume --steps 10 --threads 1 --device cpu");
        Assert.True(resumed.Code == 0, resumed.Error + resumed.Output);
        Assert.Contains("resumed at step 6", resumed.Output);
        var steps = File.ReadAllLines(Path.Combine(run, "train.csv")).Skip(1).Select(l => l.Split(',')[0]);
        Assert.Equal(["2", "4", "6", "8", "10"], steps);
        var state = CheckpointStore.Latest(run)!;
        Assert.Equal((10L, 8, "tiny"), (state.Step, state.Options.BatchSize, state.Options.Config.Name));

        // --init-from starts a new run on the finished run's weights (here with another batch size and clip limit) ...
        var stage2 = Path.Combine(corpus.Root, "stage2");
        var started = await FitAsync($"--cache {corpus.Cache} --config {Config()} --out {stage2} --init-from {run} --steps 2 --batch 4 " +
                                     "--max-clip-frames 1000 --noise-augment 0.2 --mix-augment 0.3 --augment-max-alpha 0.4 --log-every 1 --validate-every 0 --threads 1 --device cpu");
        Assert.True(started.Code == 0, started.Error + started.Output);
        Assert.Contains($"training from the weights of {state.Directory} to step 2", started.Output);
        var stage2State = CheckpointStore.Latest(stage2)!;
        Assert.Equal((2L, 4, state.Directory), (stage2State.Step, stage2State.Options.BatchSize, stage2State.Options.InitialWeights));
        Assert.Equal((0.2, 0.3, 0.4), (stage2State.Options.NoiseAugmentProbability, stage2State.Options.MixAugmentProbability, stage2State.Options.AugmentMaxAlpha));
        Assert.Equal((0.0, 0.0), (state.Options.NoiseAugmentProbability, state.Options.MixAugmentProbability));
        // ... but cannot be combined with resuming a run that already has checkpoints.
        var mixed = await FitAsync($"--cache {corpus.Cache} --out {stage2} --resume --init-from {run} --steps 4 --threads 1 --device cpu");
        Assert.Equal(CommandLineRunner.InputError, mixed.Code);
        Assert.Contains("drop --init-from to resume", mixed.Error);
    }

    [Fact]
    public async Task Loss_weights_add_the_heads_they_need_to_a_config_without_them()
    {
        var run = Path.Combine(corpus.Root, "heads");
        var result = await FitAsync($"--cache {corpus.Cache} --config {Config()} --out {run} --steps 2 --batch 4 --ctc-weight 1 --hard-negatives 1 " +
                                    "--match-weight 1 --log-every 1 --validate-every 0 --threads 1 --device cpu");

        Assert.True(result.Code == 0, result.Error + result.Output);
        var config = CheckpointStore.Latest(run)!.Options.Config;
        Assert.True(config.CtcHead);
        Assert.Equal(new MatchingHeadConfig(), config.MatchingHead);
        Assert.Contains("matching head", result.Output);
    }

    [Theory]
    [InlineData("--cache {0}/missing --out {0}/r1", "missing")]
    [InlineData("--cache {1} --out {0}/r2 --schedule linear", "--schedule")]
    [InlineData("--cache {1} --out {0}/r3 --batch 1", "BatchSize")]
    [InlineData("--cache {1} --out {0}/r4 --config {0}/nope.json", "nope.json")]
    [InlineData("--cache {1} --out {0}/r5 --init-from {0}/no-such-run", "--init-from: folder not found")]
    [InlineData("--cache {1} --out {0}/r6 --noise-augment 0.6 --mix-augment 0.5", "MixAugmentProbability")]
    [InlineData("--cache {1} --out {0}/r7 --mix-augment 0.5 --augment-max-alpha 1", "AugmentMaxAlpha")]
    public async Task Bad_input_exits_2_with_a_one_line_error(string arguments, string expected)
    {
        var (code, _, error) = await FitAsync(string.Format(CultureInfo.InvariantCulture, arguments, corpus.Root, corpus.Cache) + " --device cpu --steps 1");
        Assert.Equal(CommandLineRunner.InputError, code);
        Assert.Contains(expected, error);
        Assert.Single(error.Trim().Split('\n'));
    }

    private string Config()
    {
        var path = Path.Combine(corpus.Root, "tiny.json");
        File.WriteAllText(path, TinyConfig);
        return path;
    }

    private static async Task<(int Code, string Output, string Error)> FitAsync(string arguments)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(FitCommand.Create());
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLineRunner.InvokeAsync(root, ["fit", .. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>In-batch figures of the final checkpoint over every training clip at once (one score matrix).</summary>
    private RetrievalFigures RetrievalOnTrainingClips(string run)
    {
        TorchRuntime.Initialize(new TorchRuntimeOptions { Device = "cpu" });
        var checkpoint = CheckpointStore.Latest(run)!;
        using var model = ScrapsNet.LoadWeights(checkpoint.WeightsPath!, checkpoint.Options.Config);
        model.eval();
        using var cache = FeatureCache.Open(corpus.Cache);
        var clips = cache.InSplit(DataSplits.Train);
        Assert.InRange(clips.Count, 25, TinyCorpusFixture.Clips);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var phonetic = new List<Tensor>();
        var acoustic = new List<Tensor>();
        foreach (var clip in clips)
        {
            var features = new float[clip.Frames * FeatureCache.MelBins];
            cache.ReadStandardizedFeatures(clip.Index, features);
            phonetic.Add(model.EmbedPhonemes(
                tensor(clip.PhonemeIds.Select(i => (long)i).ToArray(), [1, clip.PhonemeIds.Length]), tensor(new long[] { clip.PhonemeIds.Length })));
            acoustic.Add(model.EmbedAcoustic(tensor(features, [1, clip.Frames, FeatureCache.MelBins]), tensor(new long[] { clip.Frames })));
        }
        var scores = SymmetricContrastiveLoss.Scores(cat(phonetic, 0), cat(acoustic, 0));
        var n = clips.Count;
        var values = scores.data<float>().ToArray();
        var matrix = new float[n, n];
        Buffer.BlockCopy(values, 0, matrix, 0, values.Length * sizeof(float));
        return RetrievalMetrics.Compute(matrix);
    }
}
