using System.Diagnostics;
using Scraps.Audio;
using Scraps.Inference.Runtime;
using Scraps.Inference.Scoring;

namespace Scraps.Cli.Bench;

/// <summary>
/// The engine's own batched throughput on the same work as one POST /v1/score (decode, log-mel, phonemes, both
/// encoders, score), without HTTP or the dynamic batcher: <c>workers</c> threads each scoring fixed batches of
/// <c>batchSize</c> pairs, ONNX Runtime threads sized like the service's (cores / workers).
/// </summary>
internal static class EngineThroughput
{
    public static (LatencySummary Summary, ExecutionProviderStatus Provider) Run(
        string modelFolder,
        IReadOnlyList<BenchItem> items,
        int batchSize,
        int workers,
        ExecutionProviderKind provider,
        IReadOnlyList<int> devices,
        TimeSpan warmUp,
        TimeSpan duration,
        CancellationToken cancellationToken)
    {
        var options = new ScrapsModelOptions
        {
            IntraOpThreads = Math.Max(1, Environment.ProcessorCount / workers),
            ExecutionProvider = provider,
            CudaDeviceIds = [.. devices],
            MaxBatchSize = batchSize,
        };
        using var model = ScrapsModel.Load(modelFolder, options);
        using var phonemizer = model.CreatePhonemizer();
        var scorer = new ScrapsScorer(model, phonemizer);

        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long next = 0;
        long completed = 0;
        var threads = Enumerable.Range(0, workers).Select(_ => new Thread(() =>
        {
            var clips = new LogMel[batchSize];
            var phonemes = new PhoneticInput[batchSize];
            while (Stopwatch.GetTimestamp() < stopAt && !cancellationToken.IsCancellationRequested)
            {
                var first = Interlocked.Add(ref next, batchSize) - batchSize;
                for (var i = 0; i < batchSize; i++)
                {
                    var item = items[(int)((first + i) % items.Count)];
                    clips[i] = scorer.Inputs.FeaturesFromBytes(item.Wav);
                    phonemes[i] = scorer.Inputs.Phonemes(item.Transcript, null);
                }

                scorer.ScorePairs(clips, phonemes, cancellationToken);
                var done = Stopwatch.GetTimestamp();
                if (done >= measureFrom && done <= stopAt)
                {
                    Interlocked.Add(ref completed, batchSize);
                }
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        var cpuStart = CpuAt(measureFrom);
        var cpuEnd = CpuAt(stopAt);
        foreach (var thread in threads)
        {
            thread.Join();
        }

        var summary = new LatencySummary(completed, duration.TotalSeconds, double.NaN, double.NaN, double.NaN)
        {
            CpuMsPerItem = completed > 0 ? (cpuEnd - cpuStart).TotalMilliseconds / completed : double.NaN,
        };
        return (summary, model.Provider);
    }

    /// <summary>This process's CPU time when the clock reaches <paramref name="timestamp"/>.</summary>
    private static TimeSpan CpuAt(long timestamp)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (wait > TimeSpan.Zero)
        {
            Thread.Sleep(wait);
        }

        return Process.GetCurrentProcess().TotalProcessorTime;
    }
}
