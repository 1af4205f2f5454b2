using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Scraps.Audio;

namespace Scraps.Benchmarks;

/// <summary>
/// The audio front end on a 10 s clip (the espeak-ng test sentence repeated): log-mel at 16 kHz on one core
/// (target: under 10 ms, i.e. at least 1000x real time), resampling 22.05 and 44.1 kHz to 16 kHz, and WAV decoding.
/// Run: dotnet run -c Release --project tests/Scraps.Benchmarks -- --filter '*LogMel*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortConfig))]
public class LogMelBenchmarks
{
    public const int Seconds = 10;
    private readonly LogMelExtractor _extractor = new();
    private float[] _clip16k = [];
    private float[] _clip22k = [];
    private float[] _clip44k = [];
    private byte[] _wav16k = [];

    [GlobalSetup]
    public void Setup()
    {
        var audio = Path.Combine(AppContext.BaseDirectory, "testdata", "audio");
        _clip16k = Tile(AudioDecoder.DecodeFile(Path.Combine(audio, "speech_16k_pcm16.wav")).Samples, 16000 * Seconds);
        _clip22k = Tile(AudioDecoder.DecodeFile(Path.Combine(audio, "speech_22k_pcm16.wav")).Samples, 22050 * Seconds);
        _clip44k = Tile(AudioDecoder.DecodeFile(Path.Combine(audio, "speech_44k_stereo_pcm24.wav")).Samples, 44100 * Seconds);
        _wav16k = WavWriter.ToPcm16Bytes(_clip16k, 16000);
    }

    [Benchmark(Description = "log-mel, 10 s at 16 kHz")]
    public LogMel LogMel10s() => _extractor.Compute(_clip16k);

    [Benchmark(Description = "resample 22.05 -> 16 kHz, 10 s")]
    public float[] Resample22k() => Resampler.Resample(_clip22k, 22050, 16000);

    [Benchmark(Description = "resample 44.1 -> 16 kHz, 10 s")]
    public float[] Resample44k() => Resampler.Resample(_clip44k, 44100, 16000);

    [Benchmark(Description = "decode WAV PCM16, 10 s")]
    public AudioClip DecodeWav10s() => AudioDecoder.Decode(_wav16k);

    private static float[] Tile(float[] source, int length)
    {
        var result = new float[length];
        for (var i = 0; i < length; i += source.Length)
        {
            source.AsSpan(0, Math.Min(source.Length, length - i)).CopyTo(result.AsSpan(i));
        }

        return result;
    }
}

/// <summary>One short job (about a minute for the suite) with the median and the speed relative to real time.</summary>
internal sealed class ShortConfig : ManualConfig
{
    public ShortConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15));
        AddColumn(StatisticColumn.Median, new RealTimeRatioColumn());
    }
}

/// <summary>Clip duration divided by the median time: "1000x" means a 10 s clip takes 10 ms.</summary>
internal sealed class RealTimeRatioColumn : IColumn
{
    public string Id => nameof(RealTimeRatioColumn);

    public string ColumnName => "x real time";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"{LogMelBenchmarks.Seconds} s of audio divided by the median time";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var median = summary[benchmarkCase]?.ResultStatistics?.Median;
        return median is > 0 ? $"{LogMelBenchmarks.Seconds * 1e9 / median.Value:N0}x" : "NA";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
