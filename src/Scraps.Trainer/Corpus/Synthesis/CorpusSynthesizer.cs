using System.Diagnostics;
using Scraps.Audio;
using Scraps.Model.Data;
using Scraps.Trainer.Corpus.Augmentation;
using Scraps.Trainer.Corpus.Text;

namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>
/// Builds a synthetic corpus (`scraps-train corpus synth`): plans every clip from the seed (<see cref="ClipPlanner"/>),
/// synthesizes and augments the missing ones in parallel, writes 16 kHz mono PCM16 WAVs and the manifests
/// (<c>manifest.jsonl</c> with every split, and <c>train.jsonl</c>, <c>valid.jsonl</c>, <c>test.jsonl</c>).
/// Clips whose WAV already exists are kept, so an interrupted build resumes where it stopped.
/// </summary>
internal static class CorpusSynthesizer
{
    public const string ManifestFileName = "manifest.jsonl";
    private const string WorkFolder = ".work";

    public static async Task<SynthesisResult> RunAsync(SynthesisOptions options, IProgress<SynthesisProgress>? progress, CancellationToken cancellationToken)
    {
        options.Validate();
        var started = Stopwatch.StartNew();
        var output = Path.GetFullPath(options.OutputDirectory);
        Directory.CreateDirectory(output);

        var engines = await SynthesizerDiscovery.DiscoverAsync(options.Synthesizers, options.FestivalBatchSize, cancellationToken).ConfigureAwait(false);
        var sentences = TextCorpus.Load(options.FortunesDirectory, options.TextFiles);
        var validVoices = options.ValidVoicesFor(engines);
        var split = VoiceSplit.Create(engines, validVoices, options.TestSynthesizer);
        var work = Path.Combine(output, WorkFolder);
        Directory.CreateDirectory(work);
        var babble = CreateBabble(options, engines, split, sentences, work);
        var settings = CorpusSettingsFile.Settings(options with { ValidVoices = validVoices }, sentences, engines, babble?.TrackCount ?? 0);
        CorpusSettingsFile.WriteOrCheck(output, settings);

        var planner = new ClipPlanner(sentences, split, engines, options, babble?.TrackCount ?? 0);
        var plans = Enumerable.Range(0, options.Clips).Select(planner.Plan).ToArray();
        var pending = plans.Where(p => !File.Exists(Path.Combine(output, p.AudioPath))).ToList();
        var tracker = new Tracker(plans.Length, plans.Length - pending.Count, progress);
        tracker.Report();

        var building = Stopwatch.StartNew();
        var augmenter = new Augmenter(babble);
        var byName = engines.ToDictionary(e => e.Name, StringComparer.Ordinal);
        var units = WorkUnits(pending, byName);
        await Parallel.ForEachAsync(
            units,
            new ParallelOptions { MaxDegreeOfParallelism = options.Jobs, CancellationToken = cancellationToken },
            async (unit, token) => await BuildUnitAsync(unit, byName[unit[0].Voice.Synthesizer], augmenter, output, work, tracker, token).ConfigureAwait(false))
            .ConfigureAwait(false);
        var buildSeconds = building.Elapsed.TotalSeconds;

        var entries = new List<ManifestEntry>(plans.Length);
        double seconds = 0;
        foreach (var plan in plans)
        {
            var path = Path.Combine(output, plan.AudioPath);
            if (!File.Exists(path))
            {
                continue;
            }

            var duration = WavHeader.DurationSeconds(path);
            seconds += duration;
            entries.Add(new ManifestEntry(plan.Id, plan.AudioPath, plan.Text, null, plan.Voice.Id)
            {
                Voice = plan.Voice.Id,
                Synthesizer = plan.Voice.Synthesizer,
                Split = plan.Split,
                Duration = Math.Round(duration, 4),
                Augmentation = plan.Augmentation.ToJson(plan.Settings),
            });
        }

        var manifest = Path.Combine(output, ManifestFileName);
        Manifest.Write(manifest, entries);
        foreach (var name in new[] { DataSplits.Train, DataSplits.Valid, DataSplits.Test })
        {
            Manifest.Write(Path.Combine(output, $"{name}.jsonl"), entries.Where(e => e.Split == name));
        }

        TryDelete(work);
        var result = new SynthesisResult(
            manifest,
            entries.Count,
            tracker.Built,
            plans.Length - pending.Count,
            tracker.Failures,
            entries.GroupBy(e => e.Split!).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            entries.GroupBy(e => e.Synthesizer!).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            seconds / 3600,
            started.Elapsed,
            tracker.Built > 0 && buildSeconds > 0 ? tracker.Built / buildSeconds : 0);
        CorpusSettingsFile.WriteSummary(output, settings, result);
        return result;
    }

    private static BabbleBank? CreateBabble(SynthesisOptions options, IReadOnlyList<ISpeechSynthesizer> engines, VoiceSplit split, IReadOnlyList<string> sentences, string work)
    {
        if (options.Augmentation.NoiseProbability <= 0 || engines.OfType<EspeakSynthesizer>().FirstOrDefault() is not { } espeak)
        {
            return null;
        }

        var voices = split.VoicesOf(DataSplits.Train).Where(v => v.Synthesizer == espeak.Name).ToArray();
        return voices.Length == 0 ? null : new BabbleBank(espeak, sentences, voices, options.Seed, work, options.BabbleTracks);
    }

    /// <summary>One clip per unit, except engines with a slow start: their clips are batched by voice.</summary>
    private static List<IReadOnlyList<ClipPlan>> WorkUnits(List<ClipPlan> pending, IReadOnlyDictionary<string, ISpeechSynthesizer> engines)
    {
        var units = new List<IReadOnlyList<ClipPlan>>();
        foreach (var group in pending.GroupBy(p => (p.Voice.Synthesizer, Batch: engines[p.Voice.Synthesizer].BatchSize > 1 ? p.Voice.Name : p.Id)))
        {
            units.AddRange(group.Chunk(engines[group.Key.Synthesizer].BatchSize));
        }

        return units.OrderBy(u => u[0].Index).ToList();
    }

    private static async Task BuildUnitAsync(
        IReadOnlyList<ClipPlan> unit, ISpeechSynthesizer engine, Augmenter augmenter, string output, string work, Tracker tracker, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(work, unit[0].Id);
        Directory.CreateDirectory(folder);
        try
        {
            var requests = unit.Select(p => new SynthesisRequest(p.Voice.Name, p.Text, p.Settings, Path.Combine(folder, p.Id + ".raw.wav"))).ToArray();
            try
            {
                await engine.SynthesizeAsync(requests, folder, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ExternalToolException or IOException)
            {
                foreach (var plan in unit)
                {
                    tracker.Failed(plan.Id, e.Message);
                }

                return;
            }

            for (var i = 0; i < unit.Count; i++)
            {
                var plan = unit[i];
                try
                {
                    if (!File.Exists(requests[i].OutputPath))
                    {
                        throw new ExternalToolException($"{engine.Name} wrote no audio for \"{plan.Text}\"");
                    }

                    var clip = AudioDecoder.DecodeFile(requests[i].OutputPath);
                    var audio = Resampler.Resample(clip.Samples, clip.SampleRate, AudioFormat.SampleRate);
                    audio = await augmenter.ApplyAsync(audio, plan.Augmentation, cancellationToken).ConfigureAwait(false);
                    var path = Path.Combine(output, plan.AudioPath);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    var temporary = path + ".tmp";
                    WavWriter.WritePcm16(temporary, audio, AudioFormat.SampleRate);
                    File.Move(temporary, path, overwrite: true);
                    tracker.ClipBuilt();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    tracker.Failed(plan.Id, $"{plan.Voice.Id}: {e.Message}");
                }
            }
        }
        finally
        {
            TryDelete(folder);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next run; it only holds temporary files.
        }
    }

    private sealed class Tracker(int total, int reused, IProgress<SynthesisProgress>? progress)
    {
        private readonly List<ClipFailure> _failures = [];
        private int _built;
        private int _failed;

        public int Built => Volatile.Read(ref _built);

        public IReadOnlyList<ClipFailure> Failures
        {
            get
            {
                lock (_failures)
                {
                    return _failures.OrderBy(f => f.Id, StringComparer.Ordinal).ToArray();
                }
            }
        }

        public void ClipBuilt()
        {
            Interlocked.Increment(ref _built);
            Report();
        }

        public void Failed(string id, string message)
        {
            lock (_failures)
            {
                _failures.Add(new ClipFailure(id, message));
            }

            Interlocked.Increment(ref _failed);
            Report();
        }

        public void Report() =>
            progress?.Report(new SynthesisProgress(reused + Volatile.Read(ref _built) + Volatile.Read(ref _failed), total, Volatile.Read(ref _failed), reused));
    }
}
