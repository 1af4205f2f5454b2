using System.Globalization;
using Scraps.Model.Export;
using Scraps.Model.Modules;
using Scraps.Model.Runtime;
using Scraps.Model.Training;
using Scraps.Phonetics;
using Scraps.Phonetics.Lexicon;
using TorchSharp;

namespace Scraps.Model.Tests.Training;

/// <summary>Training with the CTC head and hard negatives, and starting runs from weights without the head or from a package.</summary>
[Collection(TrainingCollection.Name)]
public sealed class PhoneAwareTrainingTests : IDisposable
{
    private readonly TorchDeviceInfo _cpu = TorchRuntime.Initialize(new TorchRuntimeOptions { Device = "cpu" });
    private readonly string _root = Directory.CreateTempSubdirectory("scraps-phone-aware-").FullName;
    private readonly TrainingTestData _data = new(train: 40, valid: 12, englishWords: true);

    public PhoneAwareTrainingTests() => torch.set_num_threads(1);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private TrainingOptions Options(long steps) => new()
    {
        Config = TrainingTestConfigs.Tiny(_data.Vocab) with { CtcHead = true },
        Steps = steps,
        BatchSize = 8,
        LearningRate = 3e-3,
        WarmupSteps = 5,
        MaxClipFrames = 200,
        CheckpointEvery = 1000,
        ValidateEvery = 0,
        ValidationBatchSize = 8,
        ValidationBatches = 2,
        LogEvery = 5,
        Seed = 3,
        CtcWeight = 0.5,
        HardNegatives = 2,
        HardNegativeKinds = HardNegativeKind.DeleteWord | HardNegativeKind.SwapWords | HardNegativeKind.PhoneNoise,
    };

    [Fact]
    public void Ctc_and_hard_negative_losses_fall_and_a_resumed_run_repeats_the_same_steps()
    {
        var options = Options(40);
        var straight = new TrainingLoop(options, _data, Path.Combine(_root, "straight"), _cpu, new RecallScorer()).Run();
        var rows = ReadCsv(Path.Combine(_root, "straight", TrainingLog.TrainCsv));
        double Column(int row, string name) => rows[row][name];
        Assert.True(Column(rows.Length - 1, "ctc_loss") < 0.8 * Column(0, "ctc_loss"), $"CTC {Column(0, "ctc_loss")} -> {Column(rows.Length - 1, "ctc_loss")}");
        Assert.True(Column(rows.Length - 1, "hard_negative_loss") < Column(0, "hard_negative_loss"));
        // Total = contrastive + 1.0 * hard + 0.5 * CTC, step by step (row means are means of the same steps).
        foreach (var row in rows)
        {
            Assert.Equal(row["contrastive_loss"] + row["hard_negative_loss"] + (0.5 * row["ctc_loss"]), row["loss"], 3);
        }

        using var cancel = new CancellationTokenSource();
        new TrainingLoop(options, _data, Path.Combine(_root, "resumed"), _cpu, new RecallScorer(),
            new RecordingObserver { CancelAtStep = (20, cancel) }).Run(cancellationToken: cancel.Token);
        var resumed = new TrainingLoop(options, _data, Path.Combine(_root, "resumed"), _cpu, new RecallScorer()).Run(resume: true);
        Assert.Equal(straight.LastLoss, resumed.LastLoss, 5);
        TrainingLoopTests.AssertSameWeights(straight.LastCheckpoint!, resumed.LastCheckpoint!, tolerance: 1e-5f);
    }

    [Fact]
    public void Validation_reports_the_near_miss_auc_and_the_phone_error_rate()
    {
        var lexicon = Path.Combine(_root, "lexicon.tsv");
        TinyLexicon().Save(lexicon);
        var observer = new RecordingObserver();
        new TrainingLoop(Options(30) with { ValidateEvery = 15, Lexicon = lexicon, HardNegativeKinds = HardNegativeKind.All }, _data,
            Path.Combine(_root, "validated"), _cpu, new RecallScorer(), observer).Run();

        Assert.Equal(2, observer.Validations.Count);
        Assert.All(observer.Validations, v => Assert.InRange(v.NearMissAuc, 0, 1));
        Assert.All(observer.Validations, v => Assert.InRange(v.PhoneErrorRate, 0, 2));
    }

    [Fact]
    public void Close_word_negatives_without_a_lexicon_are_refused_before_training()
    {
        var e = Assert.Throws<ArgumentException>(() => (Options(2) with { HardNegativeKinds = HardNegativeKind.CloseWord }).Validate());
        Assert.Contains("pronunciation lexicon", e.Message);
        var noHead = Assert.Throws<ArgumentException>(() => (Options(2) with { Config = TrainingTestConfigs.Tiny(_data.Vocab) }).Validate());
        Assert.Contains("ctcHead", noHead.Message);
    }

    [Fact]
    public void A_run_with_the_ctc_head_can_start_from_weights_without_it()
    {
        var plain = Path.Combine(_root, "plain");
        new TrainingLoop(Options(3) with { Config = TrainingTestConfigs.Tiny(_data.Vocab), CtcWeight = 0, HardNegatives = 0 }, _data, plain, _cpu, new RecallScorer()).Run();
        var headed = new TrainingLoop(Options(1) with { LearningRate = 1e-12, InitialWeights = plain }, _data, Path.Combine(_root, "headed"), _cpu, new RecallScorer()).Run();

        using var before = ScrapsNet.LoadWeights(Path.Combine(CheckpointStore.FolderOf(plain, "x"), CheckpointStore.WeightsFile), TrainingTestConfigs.Tiny(_data.Vocab));
        using var after = ScrapsNet.LoadWeights(Path.Combine(headed.LastCheckpoint!, CheckpointStore.WeightsFile), Options(1).Config);
        Assert.NotNull(after.CtcHead);
        var weights = after.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in before.named_parameters())
        {
            Assert.True((parameter - weights[name]).abs().max().item<float>() < 1e-6f, name);
        }
    }

    [Fact]
    public void A_run_can_start_from_a_model_package_and_gets_its_exact_weights()
    {
        var source = Path.Combine(_root, "source");
        new TrainingLoop(Options(3), _data, source, _cpu, new RecallScorer()).Run();
        var checkpoint = CheckpointStore.FolderOf(source, "x");
        using var trained = ScrapsNet.LoadWeights(Path.Combine(checkpoint, CheckpointStore.WeightsFile), Options(3).Config);
        var package = Path.Combine(_root, "package");
        ScrapsOnnxExporter.Export(trained, package);
        WriteManifest(package, Options(3).Config);

        var observer = new RecordingObserver();
        var tuned = new TrainingLoop(Options(1) with { LearningRate = 1e-12, InitialWeights = package }, _data, Path.Combine(_root, "tuned"), _cpu, new RecallScorer(), observer).Run();

        Assert.Equal($"model package {package}", observer.Started!.InitialWeights);
        TrainingLoopTests.AssertSameWeights(checkpoint, tuned.LastCheckpoint!, tolerance: 1e-5f);
        WriteManifest(package, Options(3).Config with { FfnDim = 96 });
        var e = Assert.Throws<CheckpointFormatException>(() =>
            new TrainingLoop(Options(1) with { InitialWeights = package }, _data, Path.Combine(_root, "refused"), _cpu, new RecallScorer()).Run());
        Assert.Contains("model config differs", e.Message);
    }

    /// <summary>The two fields of model.json that starting from a package reads.</summary>
    private void WriteManifest(string package, ScrapsModelConfig architecture) =>
        File.WriteAllText(Path.Combine(package, "model.json"),
            "{\"formatVersion\": 1, \"architecture\": " + architecture.ToJson() + ", \"phonemes\": {\"version\": \"" + _data.InventoryVersion + "\"}}");

    /// <summary>Words of 2-3 of the first 20 phones: every test word has close neighbours among them.</summary>
    private static PronunciationLexicon TinyLexicon()
    {
        var phones = PhonemeInventory.EnglishUs.Symbols.Where(x => x.Kind == PhonemeKind.Phone).Select(x => x.Id).Take(20).ToArray();
        var entries = new List<LexiconEntry>();
        for (var a = 0; a < phones.Length; a++)
        {
            for (var b = 0; b < phones.Length; b += 3)
            {
                entries.Add(new LexiconEntry($"w{a}x{b}", [phones[a], phones[b]], [phones[a], phones[b]]));
            }
        }

        return new PronunciationLexicon(PhonemeInventory.EnglishUs, entries, "test");
    }

    private static Dictionary<string, double>[] ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => l.Split(',').Select((v, i) => (header[i], double.Parse(v, CultureInfo.InvariantCulture))).ToDictionary(x => x.Item1, x => x.Item2)).ToArray();
    }
}
