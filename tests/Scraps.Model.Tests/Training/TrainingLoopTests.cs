using Scraps.Model.Modules;
using Scraps.Model.Runtime;
using Scraps.Model.Training;
using TorchSharp;

namespace Scraps.Model.Tests.Training;

[Collection(TrainingCollection.Name)]
public sealed class TrainingLoopTests : IDisposable
{
    private readonly TorchDeviceInfo _cpu = TorchRuntime.Initialize(new TorchRuntimeOptions { Device = "cpu" });
    private readonly string _root = Directory.CreateTempSubdirectory("scraps-loop-").FullName;
    private readonly TrainingTestData _data = new(train: 40, valid: 12);

    public TrainingLoopTests()
    {
        // One intra-op thread: on a shared, busy machine OpenMP's thread hand-offs cost far more than they save.
        torch.set_num_threads(1);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private TrainingOptions Options(long steps) => new()
    {
        Config = TrainingTestConfigs.Tiny(_data.Vocab),
        Steps = steps,
        BatchSize = 8,
        LearningRate = 2e-3,
        WarmupSteps = 5,
        Schedule = LearningRateScheduleKind.Cosine,
        MaxClipFrames = 200,
        CheckpointEvery = 1000,
        ValidateEvery = 10,
        ValidationBatchSize = 8,
        ValidationBatches = 2,
        LogEvery = 5,
        Seed = 11,
        SpecAugment = true,
        TimeMasks = 1,
        TimeMaskMaxFrames = 3,
        FrequencyMasks = 1,
        FrequencyMaskMaxBins = 5,
    };

    [Fact]
    public void No_tensor_outlives_its_step()
    {
        var observer = new RecordingObserver();
        new TrainingLoop(Options(40), _data, Path.Combine(_root, "run"), _cpu, new RecallScorer(), observer).Run();

        // Live tensors after steps 10, 15, ... 40 (validation ran at 10, 20, 30, 40): the same count every time.
        var live = observer.LiveTensors.Skip(1).ToArray();
        Assert.Equal(7, live.Length);
        Assert.All(live, count => Assert.Equal(live[0], count));
    }

    [Fact]
    public void Resuming_after_an_interruption_continues_exactly_as_an_uninterrupted_run()
    {
        var options = Options(30) with { ValidateEvery = 0 };
        var straight = new TrainingLoop(options, _data, Path.Combine(_root, "straight"), _cpu, new RecallScorer()).Run();

        // The same run stopped at step 15 (as by Ctrl+C), then resumed by a new loop to step 30.
        using var cancel = new CancellationTokenSource();
        var interrupted = new TrainingLoop(options, _data, Path.Combine(_root, "resumed"), _cpu, new RecallScorer(),
            new RecordingObserver { CancelAtStep = (15, cancel) }).Run(cancellationToken: cancel.Token);
        Assert.True(interrupted.Cancelled);
        Assert.Equal(15, interrupted.Step);
        var resumedObserver = new RecordingObserver();
        var resumed = new TrainingLoop(options, _data, Path.Combine(_root, "resumed"), _cpu, new RecallScorer(), resumedObserver).Run(resume: true);

        Assert.Equal(15, resumedObserver.Started!.StartStep);
        Assert.EndsWith("step-000000015", resumedObserver.Started.ResumedFrom);
        Assert.Equal(30, resumed.Step);
        Assert.False(resumed.Cancelled);
        Assert.Equal(straight.LastLoss, resumed.LastLoss, 5);
        AssertSameWeights(straight.LastCheckpoint!, resumed.LastCheckpoint!, tolerance: 1e-5f);
        var a = CheckpointStore.Latest(Path.Combine(_root, "straight"))!;
        var b = CheckpointStore.Latest(Path.Combine(_root, "resumed"))!;
        Assert.Equal(a.Position, b.Position);
        Assert.Equal(30, CheckpointStore.Load(resumed.LastCheckpoint!).Step);

        // The resumed run's CSV has each step once, with the uninterrupted run's losses.
        var straightRows = File.ReadAllLines(Path.Combine(_root, "straight", TrainingLog.TrainCsv)).Select(l => l.Split(',')[..3]).ToArray();
        var resumedRows = File.ReadAllLines(Path.Combine(_root, "resumed", TrainingLog.TrainCsv)).Select(l => l.Split(',')[..3]).ToArray();
        Assert.Equal(straightRows.Select(r => r[0]), resumedRows.Select(r => r[0]));
        for (var i = 1; i < straightRows.Length; i++)
        {
            Assert.Equal(double.Parse(straightRows[i][2]), double.Parse(resumedRows[i][2]), 4);
        }
    }

    [Fact]
    public void Loss_falls_and_validation_is_logged()
    {
        var observer = new RecordingObserver();
        var result = new TrainingLoop(Options(60) with { SpecAugment = false, Schedule = LearningRateScheduleKind.Constant }, _data,
            Path.Combine(_root, "learn"), _cpu, new RecallScorer(), observer).Run();

        Assert.True(result.LastLoss < result.FirstLoss * 0.8, $"loss {result.FirstLoss} -> {result.LastLoss}");
        Assert.Equal(6, observer.Validations.Count);
        Assert.All(observer.Validations, v => Assert.Equal((2, 8), (v.Batches, v.BatchSize)));
        Assert.Equal("cpu: requested", observer.Started!.Device);
        Assert.Equal(40, observer.Started.TrainUtterances);
        Assert.True(observer.Started.Parameters > 10_000);
        Assert.Equal(7, File.ReadAllLines(Path.Combine(_root, "learn", TrainingLog.ValidCsv)).Length);
        Assert.Single(Directory.GetFiles(Path.Combine(_root, "learn", TrainingLog.TensorBoardFolder), "events.out.tfevents.*"));
        Assert.Equal([60L], observer.Checkpoints);
        // Concurrent GC is off while training (TorchSharp's temporary Scalars), and back on afterwards.
        Assert.Equal([System.Runtime.GCLatencyMode.Batch], observer.LatencyModes);
        Assert.NotEqual(System.Runtime.GCLatencyMode.Batch, System.Runtime.GCSettings.LatencyMode);
    }

    [Fact]
    public void Refuses_to_overwrite_a_run_without_resume_and_to_resume_with_another_data_order()
    {
        var run = Path.Combine(_root, "guarded");
        new TrainingLoop(Options(5) with { ValidateEvery = 0 }, _data, run, _cpu, new RecallScorer()).Run();

        var overwrite = Assert.Throws<ArgumentException>(() => new TrainingLoop(Options(10), _data, run, _cpu, new RecallScorer()).Run());
        Assert.Contains("--resume", overwrite.Message);
        var reseeded = Assert.Throws<CheckpointFormatException>(() =>
            new TrainingLoop(Options(10) with { Seed = 12 }, _data, run, _cpu, new RecallScorer()).Run(resume: true));
        Assert.Contains("Seed is 12, the checkpoint used 11", reseeded.Message);
    }

    [Fact]
    public void A_new_run_can_start_from_another_runs_weights_with_other_data_order_options()
    {
        var first = Path.Combine(_root, "stage1");
        new TrainingLoop(Options(20) with { ValidateEvery = 0 }, _data, first, _cpu, new RecallScorer()).Run();
        var source = CheckpointStore.FolderOf(first, "--init-from");
        Assert.EndsWith("step-000000020", source);

        // Stage 2 keeps the architecture but changes batch size, clip limit and seed (a resume would refuse these);
        // with a vanishing learning rate its one step leaves the stage 1 weights as they were.
        var observer = new RecordingObserver();
        var second = new TrainingLoop(Options(1) with { ValidateEvery = 0, BatchSize = 4, MaxClipFrames = 150, Seed = 5, LearningRate = 1e-12, InitialWeights = first },
            _data, Path.Combine(_root, "stage2"), _cpu, new RecallScorer(), observer).Run();
        Assert.Equal((0L, source, null), (observer.Started!.StartStep, observer.Started.InitialWeights, observer.Started.ResumedFrom));
        Assert.Equal(1, second.Step);
        AssertSameWeights(source, second.LastCheckpoint!, tolerance: 1e-6f);
        Assert.Equal(first, CheckpointStore.Load(second.LastCheckpoint!).Options.InitialWeights);

        // A fresh initialisation with the same seed does not: the weights above came from stage 1.
        var fresh = new TrainingLoop(Options(1) with { ValidateEvery = 0, BatchSize = 4, MaxClipFrames = 150, Seed = 5, LearningRate = 1e-12 },
            _data, Path.Combine(_root, "fresh"), _cpu, new RecallScorer()).Run();
        Assert.ThrowsAny<Exception>(() => AssertSameWeights(source, fresh.LastCheckpoint!, tolerance: 1e-3f));
    }

    [Fact]
    public void Starting_from_weights_of_another_architecture_is_refused()
    {
        var first = Path.Combine(_root, "small");
        new TrainingLoop(Options(2) with { ValidateEvery = 0 }, _data, first, _cpu, new RecallScorer()).Run();
        var wider = Options(2) with { Config = TrainingTestConfigs.Tiny(_data.Vocab) with { FfnDim = 96 }, InitialWeights = first };
        var e = Assert.Throws<CheckpointFormatException>(() => new TrainingLoop(wider, _data, Path.Combine(_root, "wider"), _cpu, new RecallScorer()).Run());
        Assert.Contains("model config differs", e.Message);
    }

    [Fact]
    public void Skips_over_long_clips_and_rejects_ids_outside_the_vocabulary()
    {
        var observer = new RecordingObserver();
        new TrainingLoop(Options(2) with { MaxClipFrames = 20, ValidateEvery = 0 }, _data, Path.Combine(_root, "short"), _cpu, new RecallScorer(), observer).Run();
        var tooLong = _data.Train.Concat(_data.Valid).Count(u => u.Frames > 20);
        Assert.True(tooLong > 0);
        Assert.Equal(tooLong, observer.Started!.SkippedTooLong);

        var small = Options(2) with { Config = TrainingTestConfigs.Tiny(5) };
        var e = Assert.Throws<ArgumentException>(() => new TrainingLoop(small, _data, Path.Combine(_root, "vocab"), _cpu, new RecallScorer()).Run());
        Assert.Contains("outside the model's vocabulary 1..4", e.Message);
    }

    internal static void AssertSameWeights(string checkpointA, string checkpointB, float tolerance)
    {
        var config = CheckpointStore.Latest(Path.GetDirectoryName(Path.GetDirectoryName(checkpointA))!)!.Options.Config;
        using var a = ScrapsNet.LoadWeights(Path.Combine(checkpointA, CheckpointStore.WeightsFile), config);
        using var b = ScrapsNet.LoadWeights(Path.Combine(checkpointB, CheckpointStore.WeightsFile), config);
        var pa = a.named_parameters().ToArray();
        var pb = b.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.NotEmpty(pa);
        foreach (var (name, parameter) in pa)
        {
            var difference = (parameter - pb[name]).abs().max().item<float>();
            Assert.True(difference <= tolerance, $"{name} differs by {difference}");
        }
    }
}
