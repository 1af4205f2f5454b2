using System.Diagnostics;
using System.Globalization;
using Scraps.Audio;
using Scraps.Inference.Manifests;
using Scraps.Inference.Runtime;
using Scraps.Inference.Scoring;

namespace Scraps.Cli.Bench;

/// <summary>
/// Segments of one long recording scored two ways on the same work, side by side: straight from a NeMo manifest of
/// offsets (the recording decoded once), and the way it had to be done before, cutting every segment into a file
/// first (sox trim, one process a segment, as a user would script it) and scoring the files. Prints wall times,
/// segments per second and the ratio; the recording is generated (tones and noise), the transcripts are fixed text.
/// </summary>
internal static class SegmentBench
{
    public sealed record Settings(string ModelFolder, double Minutes, int Segments, double SegmentSeconds, int Threads, string? WorkFolder, string Container = "flac");

    public static void Run(Settings settings, TextWriter output, CancellationToken cancellationToken)
    {
        var folder = settings.WorkFolder ?? Directory.CreateTempSubdirectory("scraps-bench-segments-").FullName;
        Directory.CreateDirectory(folder);
        var wav = Path.Combine(folder, "recording.wav");
        var samples = (int)(settings.Minutes * 60 * AudioFrontEnd.SampleRate);
        WavWriter.WritePcm16(wav, Generate(samples), AudioFrontEnd.SampleRate);
        // Long recordings usually come compressed: a cut then decodes from the start of the file up to its offset.
        var recording = settings.Container == "wav" ? wav : Path.Combine(folder, $"recording.{settings.Container}");
        if (recording != wav)
        {
            RunSox(wav, recording);
        }
        var spacing = (settings.Minutes * 60 - settings.SegmentSeconds) / Math.Max(1, settings.Segments - 1);
        var offsets = Enumerable.Range(0, settings.Segments).Select(i => i * spacing).ToArray();
        string[] texts = ["Turn the lights off in the kitchen.", "What is the weather like tomorrow?", "Play the next song on my list."];

        using var model = ScrapsModel.Load(settings.ModelFolder, new ScrapsModelOptions { IntraOpThreads = settings.Threads });
        using var phonemizer = model.CreatePhonemizer();
        var scorer = new ScrapsScorer(model, phonemizer);
        var c = CultureInfo.InvariantCulture;
        var name = Path.GetFileName(recording);

        // Warm-up (graph initialisation, first allocations), not timed.
        File.WriteAllLines(Path.Combine(folder, "warm-nemo.json"), [string.Create(c, $$"""{"audio_filepath": "recording.wav", "offset": 0, "duration": {{settings.SegmentSeconds:0.###}}, "text": "{{texts[0]}}"}""")]);
        Score(scorer, Path.Combine(folder, "warm-nemo.json"), Path.Combine(folder, "warm-scores.jsonl"), settings.Threads, cancellationToken);

        // Segments straight from the recording.
        var nemo = Path.Combine(folder, "segments.json");
        File.WriteAllLines(nemo, offsets.Select((o, i) => string.Create(c,
            $$"""{"audio_filepath": "{{name}}", "offset": {{o:0.###}}, "duration": {{settings.SegmentSeconds:0.###}}, "text": "{{texts[i % texts.Length]}}"}""")));
        var direct = Stopwatch.StartNew();
        var directSummary = Score(scorer, nemo, Path.Combine(folder, "segments-scores.jsonl"), settings.Threads, cancellationToken);
        direct.Stop();

        // Cut into files first, then score the files.
        var cuts = Path.Combine(folder, "cuts");
        Directory.CreateDirectory(cuts);
        var cutting = Stopwatch.StartNew();
        for (var i = 0; i < offsets.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Sox(recording, Path.Combine(cuts, $"seg-{i:D5}.wav"), offsets[i], settings.SegmentSeconds);
        }

        cutting.Stop();
        var files = Path.Combine(folder, "files.jsonl");
        File.WriteAllLines(files, offsets.Select((_, i) => $$"""{"id": "seg-{{i:D5}}", "audio": "cuts/seg-{{i:D5}}.wav", "text": "{{texts[i % texts.Length]}}"}"""));
        var scoringFiles = Stopwatch.StartNew();
        var filesSummary = Score(scorer, files, Path.Combine(folder, "files-scores.jsonl"), settings.Threads, cancellationToken);
        scoringFiles.Stop();

        var total = cutting.Elapsed + scoringFiles.Elapsed;
        output.WriteLine(string.Create(c, $"{settings.Segments} segments of {settings.SegmentSeconds:0.#} s from one {settings.Minutes:0.#}-minute recording ({new FileInfo(recording).Length / 1e6:0.0} MB {settings.Container.ToUpperInvariant()}), model {model.Manifest.Name} {model.Manifest.Version}, {settings.Threads} thread(s)"));
        output.WriteLine("| method | cut (s) | score (s) | total (s) | segments/s | scored |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        output.WriteLine(string.Create(c, $"| segments from the manifest (recording decoded once) | - | {direct.Elapsed.TotalSeconds:0.0} | {direct.Elapsed.TotalSeconds:0.0} | {settings.Segments / direct.Elapsed.TotalSeconds:0.0} | {directSummary.Scored} |"));
        output.WriteLine(string.Create(c, $"| cut into files with sox, then score the files | {cutting.Elapsed.TotalSeconds:0.0} | {scoringFiles.Elapsed.TotalSeconds:0.0} | {total.TotalSeconds:0.0} | {settings.Segments / total.TotalSeconds:0.0} | {filesSummary.Scored} |"));
        output.WriteLine(string.Create(c, $"ratio: {total.TotalSeconds / direct.Elapsed.TotalSeconds:0.00}x the segments per second; work files in {folder}"));
    }

    private static ManifestScoringSummary Score(ScrapsScorer scorer, string manifest, string output, int threads, CancellationToken cancellationToken)
    {
        if (File.Exists(output))
        {
            File.Delete(output);
        }

        return new ManifestScoringJob(scorer, new ManifestScoringOptions(manifest, output) { BatchSize = 16, PreparationThreads = Math.Max(1, threads) })
            .Run(new NullObserver(), cancellationToken);
    }

    private static void Sox(string input, string output, double offset, double seconds) =>
        RunSox(input, output, "trim", offset.ToString("0.###", CultureInfo.InvariantCulture), seconds.ToString("0.###", CultureInfo.InvariantCulture));

    private static void RunSox(params string[] arguments)
    {
        var start = new ProcessStartInfo("sox", arguments)
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start sox (install the sox package)");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"sox failed: {error.Trim()}");
        }
    }

    private static float[] Generate(int count)
    {
        var random = new Random(5);
        var samples = new float[count];
        for (var n = 0; n < count; n++)
        {
            var t = n / (double)AudioFrontEnd.SampleRate;
            samples[n] = (float)((0.2 * Math.Sin(2 * Math.PI * (200 + (100 * Math.Sin(t))) * t)) + (0.05 * ((random.NextDouble() * 2) - 1)));
        }

        return samples;
    }

    private sealed class NullObserver : IManifestScoringObserver
    {
        public void Started(long shardLines, int alreadyScored)
        {
        }

        public void Advanced(long handledLines)
        {
        }

        public void LineSkipped(string where, string? id, string reason)
        {
        }
    }
}
