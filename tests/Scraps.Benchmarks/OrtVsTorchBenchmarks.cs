using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Scraps.Audio;
using Scraps.Inference.Calibration;
using Scraps.Inference.Package;
using Scraps.Inference.Runtime;
using Scraps.Model.Export;
using Scraps.Model.Modules;
using Scraps.Model.Runtime;
using Scraps.Phonetics;
using static TorchSharp.torch;

namespace Scraps.Benchmarks;

/// <summary>
/// Issue 4: ONNX Runtime (the engine, <see cref="ScrapsModel"/>) against TorchSharp (eval, no grad) on CPU, same
/// random weights (the paper config: d 256, 3 layers, 8 heads, D 1024, s 4) and same inputs, at batch 1, 8 and 32,
/// for both encoders. Acoustic items are 2.5-4 s clips (200-319 frames), phonetic items 20-49 phonemes. Both sides
/// use <see cref="Threads"/> intra-op threads and get the same mixed-length batch; the ratio column is
/// ORT time / TorchSharp time (target: at most 0.67 at batch 32, i.e. ORT at least 1.5x faster).
/// Run: dotnet run -c Release --project tests/Scraps.Benchmarks -- --filter '*OrtVsTorch*'
/// (SCRAPS_BENCH_THREADS=N sets the thread count, default 1; SCRAPS_BENCH_CONFIG=small for the CPU config.)
/// </summary>
[Config(typeof(OrtVsTorchConfig))]
public class OrtVsTorchBenchmarks
{
    private ScrapsNet _net = null!;
    private ScrapsModel _model = null!;
    private string _folder = string.Empty;
    private LogMel[] _clips = [];
    private long[][] _phonemes = [];

    [Params("acoustic", "phonetic")]
    public string Encoder { get; set; } = "acoustic";

    [Params(1, 8, 32)]
    public int Batch { get; set; }

    public static int Threads => int.TryParse(Environment.GetEnvironmentVariable("SCRAPS_BENCH_THREADS"), out var n) && n > 0 ? n : 1;

    [GlobalSetup]
    public void Setup()
    {
        TorchRuntime.Initialize(new TorchRuntimeOptions { Device = "cpu" });
        set_num_threads(Threads);
        var inventory = PhonemeInventory.EnglishUs;
        var config = ScrapsModelConfig.LoadNamed(Environment.GetEnvironmentVariable("SCRAPS_BENCH_CONFIG") ?? "paper") with { VocabSize = inventory.Count };
        manual_seed(1);
        _net = new ScrapsNet(config);
        _net.eval();
        _folder = Directory.CreateTempSubdirectory("scraps-bench-").FullName;
        ScrapsOnnxExporter.Export(_net, _folder);
        ModelPackageWriter.Write(_folder, Manifest(config, inventory));
        _model = ScrapsModel.Load(_folder, new ScrapsModelOptions { IntraOpThreads = Threads, MaxBatchSize = 32, MaxBatchSteps = 32 * 4096, VerifyHashes = false });

        var random = new Random(7);
        _clips = Enumerable.Range(0, Batch).Select(i =>
        {
            var frames = 200 + ((i * 37) % 120);
            return new LogMel(Enumerable.Range(0, frames * LogMel.Bins).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray(), frames);
        }).ToArray();
        _phonemes = Enumerable.Range(0, Batch)
            .Select(i => Enumerable.Range(0, 20 + ((i * 13) % 30)).Select(_ => (long)random.Next(1, inventory.Count)).ToArray())
            .ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _model.Dispose();
        _net.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>TorchSharp: pad the batch into tensors, run the encoder and the LSTM, copy the vectors out.</summary>
    [Benchmark(Baseline = true, Description = "TorchSharp")]
    public float[] Torch()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor vectors;
        if (Encoder == "acoustic")
        {
            var frames = _clips.Max(c => c.Frames);
            var data = new float[_clips.Length * frames * LogMel.Bins];
            for (var b = 0; b < _clips.Length; b++)
            {
                _clips[b].Data.CopyTo(data, b * frames * LogMel.Bins);
            }

            vectors = _net.EmbedAcoustic(tensor(data, [_clips.Length, frames, LogMel.Bins]), tensor(_clips.Select(c => (long)c.Frames).ToArray()));
        }
        else
        {
            var length = _phonemes.Max(p => p.Length);
            var ids = new long[_phonemes.Length * length];
            for (var b = 0; b < _phonemes.Length; b++)
            {
                _phonemes[b].CopyTo(ids, b * length);
            }

            vectors = _net.EmbedPhonemes(tensor(ids, [_phonemes.Length, length]), tensor(_phonemes.Select(p => (long)p.Length).ToArray()));
        }

        return vectors.data<float>().ToArray();
    }

    /// <summary>The engine: length-sort, pad, one ONNX Runtime run, vectors back in the caller's order.</summary>
    [Benchmark(Description = "ONNX Runtime")]
    public int Ort() => Encoder == "acoustic"
        ? _model.Acoustic.Encode(_clips).Length
        : _model.Phonetic.Encode(_phonemes).Length;

    private static ModelManifest Manifest(ScrapsModelConfig config, PhonemeInventory inventory) => new()
    {
        Name = "bench-random",
        Version = "0",
        Architecture = config,
        FrontEnd = FrontEndSettings.Default,
        Features = new FeatureMeanStd(new float[LogMel.Bins], Enumerable.Repeat(1f, LogMel.Bins).ToArray()),
        Phonemes = PhonemeInventoryInfo.From(inventory),
        G2p = new G2pInfo("espeak-ng", "en-us", "unknown"),
        Calibration = new ScoreCalibration(1, 0, 0).ToInfo(),
        Threshold = 0,
    };
}

/// <summary>In-process (no separate build), a few iterations: the paper model at batch 32 takes about a second a call.</summary>
internal sealed class OrtVsTorchConfig : ManualConfig
{
    public OrtVsTorchConfig()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(7));
        AddColumn(StatisticColumn.Median);
        SummaryStyle = BenchmarkDotNet.Reports.SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
    }
}
