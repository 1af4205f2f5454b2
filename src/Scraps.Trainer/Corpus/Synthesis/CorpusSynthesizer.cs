using System.Diagnostics;
using Scraps.Audio;
using Scraps.Data;
using Scraps.Phonetics;
using Scraps.Phonetics.Timing;
using Scraps.Trainer.Corpus.Augmentation;
using Scraps.Trainer.Corpus.Text;

namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>
/// Builds a synthetic corpus (`scraps-train corpus synth`): plans every clip from the seed (<see cref="ClipPlanner"/>),
/// synthesizes and augments the missing ones in parallel, writes 16 kHz mono PCM16 WAVs and the manifests
/// (<c>manifest.jsonl</c> with every split, and <c>train.jsonl</c>, <c>valid.jsonl</c>, <c>test.jsonl</c>) and
/// <c>corpus.json</c> (settings and composition).
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
        var cpuAtStart = CpuClock.ProcessAndChildrenSeconds();
        var output = Path.GetFullPath(options.OutputDirectory);
        Directory.CreateDirectory(output);

        var engines = await SynthesizerDiscovery.DiscoverAsync(options.Synthesizers, options.FestivalBatchSize, cancellationToken).ConfigureAwait(false);
        var sentences = TextCorpus.Load(options.FortunesDirectory, options.TextFiles);
        var words = options.TextKindShares.GetValueOrDefault(TextKinds.Word) > 0 ? WordLists.Load(options.WordList, options.NameList, sentences) : WordLists.Empty;
        var (validVoices, testVoices) = options.HeldOutVoicesFor(engines);
        options = options with { ValidVoices = validVoices, TestVoices = testVoices };
        var split = VoiceSplit.Create(engines, validVoices, testVoices);
        if (options.Augmentation.Codec > 0)
        {
            await CodecRoundTrip.CheckAvailableAsync(options.Codecs, cancellationToken).ConfigureAwait(false);
        }

        var work = Path.Combine(output, WorkFolder);
        Directory.CreateDirectory(work);
        var babble = CreateBabble(options, engines, split, sentences, work);
        var sources = await SourceFilesAsync(options, sentences, words, cancellationToken).ConfigureAwait(false);
        var settings = CorpusSettingsFile.Settings(options, sentences, words, sources, engines, split, babble?.TrackCount ?? 0);
        CorpusSettingsFile.WriteOrCheck(output, settings);

        var text = new TextPlanner(sentences, words, options.TextKindShares, options.Seed);
        var planner = new ClipPlanner(text, split, engines, options, babble?.TrackCount ?? 0);
        var plans = Enumerable.Range(0, options.Clips).Select(planner.Plan).ToArray();
        var pending = plans.Where(p => !File.Exists(Path.Combine(output, p.AudioPath))).ToList();
        var tracker = new Tracker(plans.Length, plans.Length - pending.Count, progress);
        tracker.Report();

        var building = Stopwatch.StartNew();
        var cpuAtBuild = CpuClock.ProcessAndChildrenSeconds();
        var augmenter = new Augmenter(babble);
        var byName = engines.ToDictionary(e => e.Name, StringComparer.Ordinal);
        var units = WorkUnits(pending, byName);
        await Parallel.ForEachAsync(
            units,
            new ParallelOptions { MaxDegreeOfParallelism = options.Jobs, CancellationToken = cancellationToken },
            async (unit, token) => await BuildUnitAsync(unit, byName[unit[0].Voice.Synthesizer], augmenter, output, work, tracker, token).ConfigureAwait(false))
            .ConfigureAwait(false);
        var buildSeconds = building.Elapsed.TotalSeconds;
        var buildCpu = CpuClock.ProcessAndChildrenSeconds() - cpuAtBuild;

        var built = new List<(ClipPlan Plan, double Seconds)>(plans.Length);
        var entries = new List<(ManifestEntry Entry, PlannedText Text)>(plans.Length);
        foreach (var plan in plans)
        {
            var path = Path.Combine(output, plan.AudioPath);
            if (!File.Exists(path))
            {
                continue;
            }

            var duration = WavHeader.DurationSeconds(path);
            built.Add((plan, duration));
            var phones = PhonesPathOf(plan.AudioPath);
            entries.Add((new ManifestEntry(plan.Id, plan.AudioPath, plan.Text.Text, null, plan.Voice.Id)
            {
                PhoneTimes = File.Exists(Path.Combine(output, phones)) ? phones : null,
                Voice = plan.Voice.Id,
                Synthesizer = plan.Voice.Synthesizer,
                Split = plan.Split,
                Duration = Math.Round(duration, 4),
                Augmentation = plan.Augmentation.ToJson(plan.Settings),
            }, plan.Text));
        }

        var manifest = Path.Combine(output, ManifestFileName);
        CorpusManifestWriter.Write(manifest, entries);
        foreach (var name in new[] { DataSplits.Train, DataSplits.Valid, DataSplits.Test })
        {
            CorpusManifestWriter.Write(Path.Combine(output, $"{name}.jsonl"), entries.Where(e => e.Entry.Split == name));
        }

        TryDelete(work);
        var result = new SynthesisResult(
            manifest,
            entries.Count,
            tracker.Built,
            plans.Length - pending.Count,
            tracker.Failures,
            entries.GroupBy(e => e.Entry.Split!).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            entries.GroupBy(e => e.Entry.Synthesizer!).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            built.Sum(b => b.Seconds) / 3600,
            started.Elapsed,
            tracker.Built > 0 && buildSeconds > 0 ? tracker.Built / buildSeconds : 0,
            options.Jobs,
            CpuClock.ProcessAndChildrenSeconds() - cpuAtStart,
            tracker.Built > 0 && buildCpu > 0 ? tracker.Built / buildCpu : null);
        CorpusSettingsFile.WriteSummary(output, settings, result, CorpusComposition.Describe(built));
        return result;
    }

    /// <summary>Each text source's file and, where dpkg knows it, the Debian package that installed it.</summary>
    private static async Task<IReadOnlyDictionary<string, (string Path, string? Package)>> SourceFilesAsync(
        SynthesisOptions options, IReadOnlyList<TextSentence> sentences, WordLists words, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in sentences.Select(s => s.Source).Distinct())
        {
            var name = source[(source.IndexOf('/') + 1)..];
            files[source] = source.StartsWith("fortunes/", StringComparison.Ordinal)
                ? Path.Combine(options.FortunesDirectory!, name)
                : Path.GetFullPath(options.TextFiles.First(f => Path.GetFileName(f) == name));
        }

        if (words.Words.Count > 0)
        {
            files[WordTextGenerator.Word] = Path.GetFullPath(options.WordList);
            files[WordTextGenerator.ProperNoun] = Path.GetFullPath(options.WordList);
            files[WordTextGenerator.FirstName] = Path.GetFullPath(options.NameList);
        }

        var owners = await DebianPackages.OwnersAsync(files.Values.Distinct().ToArray(), cancellationToken).ConfigureAwait(false);
        return files.ToDictionary(f => f.Key, f => (f.Value, owners.TryGetValue(f.Value, out var package) ? package : null), StringComparer.Ordinal);
    }

    private static BabbleBank? CreateBabble(SynthesisOptions options, IReadOnlyList<ISpeechSynthesizer> engines, VoiceSplit split, IReadOnlyList<TextSentence> sentences, string work)
    {
        if (options.Augmentation.Babble <= 0 || engines.OfType<EspeakSynthesizer>().FirstOrDefault() is not { } espeak)
        {
            return null;
        }

        // Babble talkers are training voices only, so no held-out voice is ever heard in a training clip's background.
        var voices = split.VoicesOf(DataSplits.Train).Where(v => v.Synthesizer == espeak.Name).ToArray();
        return voices.Length == 0 ? null : new BabbleBank(espeak, sentences.Select(s => s.Text).ToArray(), voices, options.Seed, work, options.BabbleTracks);
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
            var requests = unit.Select(p => new SynthesisRequest(
                p.Voice.Name, p.Text.Text, p.Settings.ForEngine(p.Augmentation.Formant), Path.Combine(folder, p.Id + ".raw.wav"))).ToArray();
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
                        throw new ExternalToolException($"{engine.Name} wrote no audio for \"{plan.Text.Text}\"");
                    }

                    var clip = AudioDecoder.DecodeFile(requests[i].OutputPath);
                    var audio = Resampler.Resample(clip.Samples, clip.SampleRate, AudioFormat.SampleRate);
                    var augmented = await augmenter.ApplyAsync(audio, plan.Augmentation, cancellationToken).ConfigureAwait(false);
                    var path = Path.Combine(output, plan.AudioPath);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    if (File.Exists(requests[i].PhonesPath))
                    {
                        // The phones move with the speech (speed, tempo, lead-in); written before the WAV, whose presence marks the clip done.
                        var phones = PhoneTimingFile.Read(requests[i].PhonesPath, PhonemeInventory.EnglishUs);
                        PhoneTimingFile.Write(Path.Combine(output, PhonesPathOf(plan.AudioPath)), phones.Select(p => p.Map(augmented.Map)));
                    }

                    var temporary = path + ".tmp";
                    WavWriter.WritePcm16(temporary, augmented.Samples, AudioFormat.SampleRate);
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

    /// <summary>A clip's phone times file, beside its WAV.</summary>
    internal static string PhonesPathOf(string audioPath) => Path.ChangeExtension(audioPath, null) + PhoneTimingFile.Suffix;

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
