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
/// Issues 12 and 20: what the CTC head's alignment, the phone branch and the matching head cost per /v1/score. One 5 s
/// clip and its 14-word transcript through <see cref="ScrapsScorer"/> (what the service runs per request, front end
/// included): a cpu-base package without the head (the baseline), the same sizes with the head (verdict from score +
/// alignment), with per-word answers, and 0.6.0's shape (a conv phone branch at 25 ms feeding the head, and the matching
/// head read by the verdict and the words). Random weights of the cpu-base sizes (d 128, 2 layers, LSTM 256, s 4): the
/// cost does not depend on training. Targets: words at most +20% on the baseline (issue 12); 0.6.0's words at most 1.3x
/// its plain score (issue 20). Run:
/// dotnet run -c Release --project tests/Scraps.Benchmarks -- --filter '*ScoreLatency*'
/// </summary>
[Config(typeof(ScoreLatencyConfig))]
public class ScoreLatencyBenchmarks
{
    private const string Transcript = "Please remind me to buy milk, eggs and bread tomorrow morning before the shop closes.";

    private readonly List<(ScrapsModel Model, string Folder)> _packages = [];
    private ScrapsScorer _plain = null!;
    private ScrapsScorer _headed = null!;
    private ScrapsScorer _full = null!;
    private EspeakPhonemizer _espeak = null!;
    private byte[] _clip = [];

    [GlobalSetup]
    public void Setup()
    {
        _espeak = new EspeakPhonemizer();
        var sizes = ScrapsModelConfig.Load(Path.Combine(AppContext.BaseDirectory, "cpu-base.config.json")) with { VocabSize = PhonemeInventory.EnglishUs.Count };
        _plain = new ScrapsScorer(Package(sizes), _espeak);
        _headed = new ScrapsScorer(Package(sizes with { CtcHead = true }), _espeak);
        _full = new ScrapsScorer(
            Package(sizes with
            {
                CtcHead = true,
                PhoneBranch = new PhoneBranchConfig { Kind = "conv", Layers = 4, Dim = 128, Kernel = 5 },
                MatchingHead = new MatchingHeadConfig { Layers = 2, Dim = 128, Heads = 4 },
            }),
            _espeak);
        var samples = new float[5 * 16000];
        var random = new Random(5);
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(0.2 * Math.Sin(2 * Math.PI * 180 * i / 16000.0) * (0.5 + (0.5 * Math.Sin(i / 800.0))) + (0.01 * (random.NextDouble() - 0.5)));
        }

        _clip = WavWriter.ToPcm16Bytes(samples, 16000);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var (model, folder) in _packages)
        {
            model.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Benchmark(Baseline = true, Description = "score, no CTC head")]
    public double Plain() => Score(_plain, words: false);

    [Benchmark(Description = "score, CTC verdict")]
    public double Verdict() => Score(_headed, words: false);

    [Benchmark(Description = "score?words=true")]
    public double Words() => Score(_headed, words: true);

    [Benchmark(Description = "0.6.0 shape: score (branch, matching)")]
    public double Full() => Score(_full, words: false);

    [Benchmark(Description = "0.6.0 shape: score?words=true")]
    public double FullWords() => Score(_full, words: true);

    private double Score(ScrapsScorer scorer, bool words)
    {
        var prepared = scorer.Inputs.PrepareClip(_clip, "audio");
        var phonemes = scorer.Inputs.PreparePhonemes(Transcript, false, "transcript", words);
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
            Verdict = sizes.CtcHead
                ? new VerdictInfo(0.5, 1, 2, 0, 0, -2) { MatchWeight = sizes.MatchingHead is null ? 0 : 1, WordMatchWeight = sizes.MatchingHead is null ? 0 : 1 }
                : null,
        });
        var model = ScrapsModel.Load(folder, new ScrapsModelOptions { IntraOpThreads = 1, VerifyHashes = false });
        _packages.Add((model, folder));
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
