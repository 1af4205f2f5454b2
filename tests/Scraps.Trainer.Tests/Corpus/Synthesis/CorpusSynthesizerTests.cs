using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Scraps.Audio;
using Scraps.Data;
using Scraps.Trainer.Corpus.Augmentation;
using Scraps.Trainer.Corpus.Synthesis;
using Scraps.Trainer.Corpus.Text;

namespace Scraps.Trainer.Tests.Corpus.Synthesis;

public class CorpusSynthesizerTests
{
    private const string Text = """
        The early bird catches the worm. A stitch in time saves nine.
        Every cloud has a silver lining. Actions speak louder than words.
        Better late than never, as they say. Curiosity killed the cat.
        Fortune favours the bold and the brave. Honesty is the best policy.
        """;

    [Fact]
    public async Task A_tiny_corpus_is_deterministic_resumable_split_by_voice_and_16k()
    {
        using var folder = new TempFolder();
        var text = folder.Write("text.txt", Text);
        SynthesisOptions Options(string output, int jobs) => new()
        {
            OutputDirectory = output,
            Clips = 6,
            Seed = 11,
            Jobs = jobs,
            FortunesDirectory = null,
            TextFiles = [text],
            // festival's one-second start would dominate the test; two engines are enough to hold out voices of each.
            Synthesizers = ["espeak-ng", "flite"],
            TextKindShares = new Dictionary<string, double> { ["sentence"] = 1 },
            ValidVoices = ["espeak-ng:en-029", "espeak-ng:*+f1", "flite:rms"],
            TestVoices = ["espeak-ng:en-gb-scotland", "flite:awb"],
            ValidShare = 0.3,
            TestShare = 0.3,
            BabbleTracks = 1,
        };
        var a = folder.File("a");
        var b = folder.File("b");

        var first = await CorpusSynthesizer.RunAsync(Options(a, jobs: 2), null, CancellationToken.None);
        var second = await CorpusSynthesizer.RunAsync(Options(b, jobs: 1), null, CancellationToken.None);

        // Same seed, different parallelism: the same manifest and the same audio, byte for byte.
        Assert.Empty(first.Failures);
        Assert.Equal(6, first.Clips);
        Assert.Equal(File.ReadAllText(first.ManifestPath), File.ReadAllText(second.ManifestPath));
        var entries = Manifest.ReadValid(first.ManifestPath, line => Assert.Fail(line.Error));
        foreach (var entry in entries)
        {
            Assert.Equal(File.ReadAllBytes(Manifest.ResolveAudioPath(first.ManifestPath, entry)), File.ReadAllBytes(Manifest.ResolveAudioPath(second.ManifestPath, entry)));
        }

        // Held out: validation and test voices never heard in training.
        Assert.Equal(3, entries.Select(e => e.Split).Distinct().Count());
        var trainVoices = entries.Where(e => e.Split == DataSplits.Train).Select(e => e.Voice).ToHashSet();
        Assert.All(entries.Where(e => e.Split != DataSplits.Train), e => Assert.DoesNotContain(e.Voice, trainVoices));
        Assert.All(entries.Where(e => e.Split == DataSplits.Test), e => Assert.Matches("en-gb-scotland|flite:awb", e.Voice));
        foreach (var split in new[] { DataSplits.Train, DataSplits.Valid, DataSplits.Test })
        {
            var lines = Manifest.ReadValid(Path.Combine(a, $"{split}.jsonl"));
            Assert.Equal(entries.Where(e => e.Split == split).Select(e => e.Id), lines.Select(e => e.Id));
        }

        // Valid manifest lines with text, voice and augmentation; 16 kHz mono PCM16 audio of the recorded duration.
        foreach (var entry in entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Text));
            Assert.Equal(entry.Voice, entry.Speaker);
            Assert.True(entry.Augmentation!.Value.TryGetProperty("synth", out _));
            var path = Manifest.ResolveAudioPath(first.ManifestPath, entry);
            var header = File.ReadAllBytes(path).AsSpan(0, 44);
            Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(header[20..]));
            Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(header[22..]));
            Assert.Equal(16000, BinaryPrimitives.ReadInt32LittleEndian(header[24..]));
            Assert.Equal(16, BinaryPrimitives.ReadInt16LittleEndian(header[34..]));
            var clip = AudioDecoder.DecodeFile(path);
            Assert.Equal(16000, clip.SampleRate);
            Assert.Equal(entry.Duration!.Value, clip.Duration.TotalSeconds, 3);
            Assert.InRange(clip.Duration.TotalSeconds, 0.5, 30);
        }

        // Resume: nothing to redo; a deleted clip is rebuilt identically.
        var removed = Manifest.ResolveAudioPath(first.ManifestPath, entries[2]);
        var expected = File.ReadAllBytes(removed);
        File.Delete(removed);
        var resumed = await CorpusSynthesizer.RunAsync(Options(a, jobs: 2), null, CancellationToken.None);
        Assert.Equal(1, resumed.Built);
        Assert.Equal(5, resumed.Reused);
        Assert.Equal(expected, File.ReadAllBytes(removed));
        Assert.Equal(File.ReadAllText(second.ManifestPath), File.ReadAllText(resumed.ManifestPath));

        // The folder refuses clips planned under other settings.
        var error = await Assert.ThrowsAsync<ArgumentException>(() => CorpusSynthesizer.RunAsync(Options(a, jobs: 2) with { Seed = 12 }, null, CancellationToken.None));
        Assert.Contains("other settings", error.Message);
    }

    [Fact]
    public async Task A_tiny_corpus_exercises_every_text_kind_and_augmentation_and_records_its_composition()
    {
        using var folder = new TempFolder();
        var story = string.Join("\n\n", Enumerable.Range(1, 40).Select(i =>
            $"The {NumberWords.Ordinal(i)} traveller walked along the river until the evening came. Nobody asked where she was going."));
        var text = folder.Write("story.txt", story);
        var words = folder.Write("words.txt", "window\nriver\nevening\ntraveller\nBoston\nFranklin\n");
        var names = folder.Write("names.txt", "Siobhan\nAhmed\nMargaret\n");
        var everything = AugmentationKinds.All.Aggregate(new AugmentationOptions(), (o, kind) => kind.Set(o, kind.Name == "clean-share" ? 0 : 1));
        var options = new SynthesisOptions
        {
            OutputDirectory = folder.File("corpus"),
            Clips = 10,
            Seed = 7,
            Jobs = 2,
            FortunesDirectory = null,
            TextFiles = [text],
            WordList = words,
            NameList = names,
            TextKindShares = TextKinds.All.ToDictionary(k => k, _ => 1.0),
            Synthesizers = ["espeak-ng", "flite"],
            ValidVoices = ["espeak-ng:en-029", "flite:rms"],
            TestVoices = ["espeak-ng:en-gb-scotland", "flite:awb"],
            ValidShare = 0.2,
            TestShare = 0.2,
            Augmentation = everything,
            BabbleTracks = 1,
        };

        var result = await CorpusSynthesizer.RunAsync(options, null, CancellationToken.None);

        Assert.Empty(result.Failures);
        Assert.Equal(10, result.Clips);
        var lines = File.ReadAllLines(result.ManifestPath).Select(l => JsonNode.Parse(l)!.AsObject()).ToArray();
        Assert.Equal(TextKinds.All.Order(), lines.Select(l => (string)l["textKind"]!).Distinct().Order());
        Assert.All(lines, l => Assert.False(string.IsNullOrEmpty((string?)l["textSource"])));
        var entries = Manifest.ReadValid(result.ManifestPath, line => Assert.Fail(line.Error));
        foreach (var (entry, line) in entries.Zip(lines))
        {
            Assert.Equal(16000, AudioDecoder.DecodeFile(Manifest.ResolveAudioPath(result.ManifestPath, entry)).SampleRate);
            if ((string)line["textKind"]! == TextKinds.Passage)
            {
                Assert.InRange(entry.Duration!.Value, 9, 27);
            }
        }

        var corpus = JsonNode.Parse(File.ReadAllText(Path.Combine(options.OutputDirectory, "corpus.json")))!;
        var composition = corpus["composition"]!;
        foreach (var kind in AugmentationKinds.All.Where(k => k.Name != "clean-share"))
        {
            Assert.True((int)composition["augmentations"]![kind.Name]!["clips"]! == 10, $"{kind.Name} should be applied to every clip");
        }

        Assert.Equal(TextKinds.All.Order(), composition["textKinds"]!.AsObject().Select(k => k.Key).Order());
        Assert.True((double)composition["hours"]! > 0);
        Assert.Equal(10, composition["splits"]!.AsObject().Sum(s => (int)s.Value!["clips"]!));
        Assert.Contains("text/story.txt", composition["textSources"]!.AsObject().Select(s => s.Key));
        Assert.Contains(composition["textSources"]!.AsObject(), s => s.Key.StartsWith("generated:", StringComparison.Ordinal));
        Assert.True((double?)corpus["summary"]!["clipsPerCpuSecond"] > 0);
        Assert.Contains("flite:awb", corpus["settings"]!["heldOutVoices"]!["test"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public async Task Reports_progress_up_to_the_total()
    {
        using var folder = new TempFolder();
        var text = folder.Write("text.txt", Text);
        var reports = new List<SynthesisProgress>();
        var progress = new SynchronousProgress(reports);
        var result = await CorpusSynthesizer.RunAsync(
            new SynthesisOptions
            {
                OutputDirectory = folder.File("out"),
                Clips = 2,
                Jobs = 2,
                FortunesDirectory = null,
                TextFiles = [text],
                Synthesizers = ["espeak-ng"],
                TextKindShares = new Dictionary<string, double> { ["sentence"] = 1 },
                ValidVoices = [],
                TestVoices = [],
                ValidShare = 0,
                TestShare = 0,
                Augmentation = Scraps.Trainer.Corpus.Augmentation.AugmentationOptions.None,
            },
            progress,
            CancellationToken.None);

        Assert.Equal(2, result.Built);
        Assert.True(result.ClipsPerSecond > 0);
        Assert.Contains(reports, r => r.Done == 2 && r.Total == 2);
    }

    private sealed class SynchronousProgress(List<SynthesisProgress> reports) : IProgress<SynthesisProgress>
    {
        public void Report(SynthesisProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
