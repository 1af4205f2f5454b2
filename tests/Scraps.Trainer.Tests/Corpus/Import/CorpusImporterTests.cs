using Scraps.Audio;
using Scraps.Data;
using Scraps.Trainer.Corpus.Import;

namespace Scraps.Trainer.Tests.Corpus.Import;

public class CorpusImporterTests
{
    [Fact]
    public async Task Detects_each_layout()
    {
        using var folder = new TempFolder();
        Assert.Equal(CorpusFormat.LjSpeech, CorpusImporter.Detect(CorpusFixtures.LjSpeech(folder)));
        Assert.Equal(CorpusFormat.LibriSpeech, CorpusImporter.Detect(await CorpusFixtures.LibriSpeechAsync(folder)));
        Assert.Equal(CorpusFormat.CommonVoice, CorpusImporter.Detect(await CorpusFixtures.CommonVoiceAsync(folder)));
        using var empty = new TempFolder();
        Assert.Contains("cannot tell", Assert.Throws<InvalidDataException>(() => CorpusImporter.Detect(empty.Path)).Message);
    }

    [Fact]
    public async Task Writes_a_manifest_with_paths_relative_to_it_and_readable_audio()
    {
        using var folder = new TempFolder();
        var root = await CorpusFixtures.CommonVoiceAsync(folder);
        var manifest = folder.File("manifests/cv.jsonl");

        var result = CorpusImporter.Import(root, CorpusFormat.Auto, manifest);

        Assert.Equal((CorpusFormat.CommonVoice, 3), (result.Format, result.Utterances));
        var entries = Manifest.ReadValid(manifest, line => Assert.Fail(line.Error));
        Assert.Equal("../cv-corpus/en/clips/common_voice_en_1.mp3", entries[0].Audio);
        Assert.All(entries, e => Assert.InRange(AudioFrontEnd.LoadMono16kFile(Manifest.ResolveAudioPath(manifest, e)).Length, 3600, 5200));
    }

    [Fact]
    public async Task Split_override_and_limit_apply()
    {
        using var folder = new TempFolder();
        var root = await CorpusFixtures.LibriSpeechAsync(folder);
        var manifest = folder.File("libri.jsonl");

        var result = CorpusImporter.Import(root, CorpusFormat.LibriSpeech, manifest, split: "test", limit: 2);

        var entries = Manifest.ReadValid(manifest);
        Assert.Equal(2, result.Utterances);
        Assert.All(entries, e => Assert.Equal(DataSplits.Test, e.Split));
        Assert.All(entries, e => Assert.Equal(16000 / 4, AudioFrontEnd.LoadMono16kFile(Manifest.ResolveAudioPath(manifest, e)).Length));
    }

    [Fact]
    public void Bad_inputs_are_clear_errors()
    {
        using var folder = new TempFolder();
        Assert.Throws<DirectoryNotFoundException>(() => CorpusImporter.Import(folder.File("missing"), CorpusFormat.Auto, folder.File("m.jsonl")));
        Assert.Throws<ManifestFormatException>(() => CorpusImporter.Import(CorpusFixtures.LjSpeech(folder), CorpusFormat.Auto, folder.File("m.jsonl"), split: "holdout"));
        Directory.CreateDirectory(folder.File("empty/wavs"));
        folder.Write("empty/metadata.csv", "only|\n");
        Assert.Throws<InvalidDataException>(() => CorpusImporter.Import(folder.File("empty"), CorpusFormat.LjSpeech, folder.File("m.jsonl")));
    }
}
