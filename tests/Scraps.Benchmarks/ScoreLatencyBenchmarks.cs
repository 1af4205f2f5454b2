using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Scraps.Audio;
using Scraps.Inference.Calibration;
using Scraps.Inference.Package;
using Scraps.Inference.Runtime;
using Scraps.Inference.Scoring;
using Scraps.Onnx.Graphs;
using Scraps.Phonetics;

namespace Scraps.Benchmarks;

/// <summary>
/// Issue 12: what the CTC head's alignment costs per /v1/score. One 5 s clip and its 14-word transcript through
/// <see cref="ScrapsScorer"/> (what the service runs per request, front end included): a cpu-base package without the
/// head (the baseline), the same sizes with the head (verdict from score + alignment), and with per-word answers.
/// Random weights of the cpu-base sizes (d 128, 2 layers, LSTM 256, s 4): the cost does not depend on training.
/// Target: words at most +20% on the baseline. Run:
/// dotnet run -c Release --project tests/Scraps.Benchmarks -- --filter '*ScoreLatency*'
/// </summary>
[Config(typeof(ScoreLatencyConfig))]
public class ScoreLatencyBenchmarks
{
    private const string Transcript = "Please remind me to buy milk, eggs and bread tomorrow morning before the shop closes.";

    private readonly List<(ScrapsModel Model, string Folder)> packages = [];
    private ScrapsScorer plain = null!;
    private ScrapsScorer headed = null!;
    private EspeakPhonemizer espeak = null!;
    private byte[] clip = [];

    [GlobalSetup]
    public void Setup()
    {
        espeak = new EspeakPhonemizer();
        var sizes = ScrapsModelConfig.Load(Path.Combine(AppContext.BaseDirectory, "cpu-base.config.json")) with { VocabSize = PhonemeInventory.EnglishUs.Count };
        plain = new ScrapsScorer(Package(sizes), espeak);
        headed = new ScrapsScorer(Package(sizes with { CtcHead = true }), espeak);
        var samples = new float[5 * 16000];
        var random = new Random(5);
        for (var i = 0; i < samples.Length; i++) samples[i] = (float)(0.2 * Math.Sin(2 * Math.PI * 180 * i / 16000.0) * (0.5 + (0.5 * Math.Sin(i / 800.0))) + (0.01 * (random.NextDouble() - 0.5)));
        clip = WavWriter.ToPcm16Bytes(samples, 16000);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var (model, folder) in packages)
        {
            model.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Benchmark(Baseline = true, Description = "score, no CTC head")]
    public double Plain() => Score(plain, words: false);

    [Benchmark(Description = "score, CTC verdict")]
    public double Verdict() => Score(headed, words: false);

    [Benchmark(Description = "score?words=true")]
    public double Words() => Score(headed, words: true);

    private double Score(ScrapsScorer scorer, bool words)
    {
        var prepared = scorer.PrepareClip(clip, "audio");
        var phonemes = scorer.PreparePhonemes(Transcript, false, "transcript", words);
        return scorer.ScoreAsync(prepared.Features, phonemes, words).GetAwaiter().GetResult().Probability;
    }

    private ScrapsModel Package(ScrapsModelConfig sizes)
    {
        var folder = Directory.CreateTempSubdirectory("scraps-bench-score-").FullName;
        ScrapsGraphWriter.Write(RandomScrapsWeights.Create(sizes, 3), folder);
        ModelPackageWriter.Write(folder, new ModelManifest
        {
            Name = "bench",
            Version = "0",
            Architecture = sizes,
            FrontEnd = FrontEndSettings.Default,
            Features = new FeatureMeanStd(Enumerable.Repeat(-4f, LogMel.Bins).ToArray(), Enumerable.Repeat(2f, LogMel.Bins).ToArray()),
            Phonemes = PhonemeInventoryInfo.From(PhonemeInventory.EnglishUs),
            G2p = new G2pInfo("espeak-ng", "en-us", "unknown"),
            Calibration = new ScoreCalibration(1, 0, 0).ToInfo(),
            Threshold = 0,
            Verdict = sizes.CtcHead ? new VerdictInfo(0.5, 1, 2, 0, 0, -2) : null,
        });
        var model = ScrapsModel.Load(folder, new ScrapsModelOptions { IntraOpThreads = 1, VerifyHashes = false });
        packages.Add((model, folder));
        return model;
    }
}

internal sealed class ScoreLatencyConfig : ManualConfig
{
    public ScoreLatencyConfig()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15));
        AddColumn(StatisticColumn.Median);
        SummaryStyle = BenchmarkDotNet.Reports.SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
    }
}
