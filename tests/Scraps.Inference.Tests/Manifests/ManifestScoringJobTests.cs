using System.Text.Json.Nodes;
using Scraps.Inference.Manifests;
using Scraps.Inference.Runtime;
using Scraps.Inference.Scoring;
using Scraps.Inference.Tests.Fixtures;
using Scraps.Phonetics;

namespace Scraps.Inference.Tests.Manifests;

public sealed class ManifestScoringJobTests : IClassFixture<TestPackageFixture>, IDisposable
{
    private readonly ScrapsModel _model;
    private readonly EspeakPhonemizer _phonemizer;
    private readonly ScrapsScorer _scorer;
    private readonly string _folder = TestPackages.NewTempFolder();

    public ManifestScoringJobTests(TestPackageFixture package)
    {
        _model = ScrapsModel.Load(package.Folder);
        _phonemizer = _model.CreatePhonemizer();
        _scorer = new ScrapsScorer(_model, _phonemizer);
        Directory.CreateDirectory(Path.Combine(_folder, "wavs"));
        foreach (var name in new[] { "speech_16k_pcm16.wav", "flite_16k_pcm16.wav", "chirp_16k.wav" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "testdata", "audio", name), Path.Combine(_folder, "wavs", name));
        }
    }

    private string ManifestPath => Path.Combine(_folder, "manifest.jsonl");

    private string OutputPath => Path.Combine(_folder, "out", "scores.jsonl");

    [Fact]
    public void Run_scores_good_lines_and_reports_bad_ones_with_their_line_numbers()
    {
        WriteManifest(
            """{"id": "u1", "audio": "wavs/speech_16k_pcm16.wav", "text": "Alexa, end this call on my phone."}""",
            """{"id": "u2", "audio": "wavs/flite_16k_pcm16.wav", "phonemes": "d u: # aI"}""",
            """{"id": "u3", "audio": "wavs/chirp""",
            """{"id": "u4", "audio": "wavs/missing.wav", "text": "gone"}""",
            "",
            """{"id": "u5", "audio": "wavs/chirp_16k.wav", "phonemes": "h @ QQQ"}""",
            """{"id": "u1", "audio": "wavs/chirp_16k.wav", "text": "again"}""",
            """{"id": "u6", "audio": "wavs/chirp_16k.wav", "text": "A sweep."}""");
        var observer = new RecordingObserver();

        var summary = new ManifestScoringJob(_scorer, new ManifestScoringOptions(ManifestPath, OutputPath) { BatchSize = 2 }).Run(observer);

        Assert.Equal((7L, 3L, 0L, 4L), (summary.ShardLines, summary.Scored, summary.AlreadyScored, summary.Skipped));
        Assert.Equal(["u1", "u2", "u6"], ReadOutput().Keys);
        Assert.Equal(["line 3", "line 4", "line 6", "line 7"], observer.Skipped.Select(s => s.Where));
        Assert.Contains("bad JSON", observer.Skipped[0].Reason);
        Assert.Contains("missing.wav", observer.Skipped[1].Reason);
        Assert.Contains("QQQ", observer.Skipped[2].Reason);
        Assert.Contains("duplicate id 'u1'", observer.Skipped[3].Reason);
        Assert.Equal(7, observer.Total);
        Assert.Equal(7, observer.Handled);
    }

    [Fact]
    public void Run_writes_the_scorer_scores()
    {
        WriteManifest("""{"id": "u1", "audio": "wavs/speech_16k_pcm16.wav", "text": "Alexa, end this call on my phone."}""");

        new ManifestScoringJob(_scorer, new ManifestScoringOptions(ManifestPath, OutputPath)).Run(new RecordingObserver());

        var expected = _scorer.ScorePairs(
            [_scorer.Inputs.FeaturesFromFile(Path.Combine(_folder, "wavs", "speech_16k_pcm16.wav"))],
            [_scorer.Inputs.Phonemes("Alexa, end this call on my phone.", null)])[0];
        var line = ReadOutput()["u1"];
        Assert.Equal(expected.Score, (double)line["score"]!, 4);
        Assert.Equal(expected.Probability, (double)line["probability"]!, 4);
        Assert.Equal(expected.Match, (bool)line["match"]!);
    }

    [Fact]
    public void Run_resumed_skips_the_ids_already_in_the_output()
    {
        WriteManifest(
            """{"id": "u1", "audio": "wavs/speech_16k_pcm16.wav", "text": "one"}""",
            """{"id": "u2", "audio": "wavs/flite_16k_pcm16.wav", "text": "two"}""");
        var options = new ManifestScoringOptions(ManifestPath, OutputPath);
        new ManifestScoringJob(_scorer, options).Run(new RecordingObserver());
        File.AppendAllText(ManifestPath, """{"id": "u3", "audio": "wavs/chirp_16k.wav", "text": "three"}""" + "\n");

        var observer = new RecordingObserver();
        var summary = new ManifestScoringJob(_scorer, options).Run(observer);

        Assert.Equal((1L, 2L), (summary.Scored, summary.AlreadyScored));
        Assert.Equal(2, observer.AlreadyScored);
        Assert.Equal(["u1", "u2", "u3"], ReadOutput().Keys);
        Assert.Equal(3, File.ReadAllLines(OutputPath).Length);
    }

    [Fact]
    public void Run_shards_partition_the_manifest()
    {
        var lines = Enumerable.Range(1, 5)
            .Select(i => $$"""{"id": "u{{i}}", "audio": "wavs/chirp_16k.wav", "phonemes": "h @"}""")
            .ToArray();
        WriteManifest(lines);
        var outputs = new List<string[]>();
        for (var shard = 0; shard < 2; shard++)
        {
            var path = Path.Combine(_folder, $"shard{shard}.jsonl");
            var summary = new ManifestScoringJob(_scorer, new ManifestScoringOptions(ManifestPath, path) { Shard = new ShardSpec(shard, 2) })
                .Run(new RecordingObserver());
            Assert.Equal(shard == 0 ? 3 : 2, summary.ShardLines);
            outputs.Add(File.ReadAllLines(path).Select(l => (string)JsonNode.Parse(l)!["id"]!).ToArray());
        }

        Assert.Equal(["u1", "u3", "u5"], outputs[0]);
        Assert.Equal(["u2", "u4"], outputs[1]);
    }

    [Fact]
    public void Run_names_a_missing_manifest()
    {
        var e = Assert.Throws<FileNotFoundException>(() =>
            new ManifestScoringJob(_scorer, new ManifestScoringOptions(Path.Combine(_folder, "none.jsonl"), OutputPath)).Run(new RecordingObserver()));

        Assert.Contains("none.jsonl", e.Message);
    }

    public void Dispose()
    {
        _phonemizer.Dispose();
        _model.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private void WriteManifest(params string[] lines) => File.WriteAllLines(ManifestPath, lines);

    private Dictionary<string, JsonNode> ReadOutput() =>
        File.ReadAllLines(OutputPath).Select(l => JsonNode.Parse(l)!).ToDictionary(n => (string)n["id"]!, n => n);

    private sealed class RecordingObserver : IManifestScoringObserver
    {
        public long Total { get; private set; }

        public int AlreadyScored { get; private set; }

        public long Handled { get; private set; }

        public List<(string Where, string? Id, string Reason)> Skipped { get; } = [];

        public void Started(long shardLines, int alreadyScored) => (Total, AlreadyScored) = (shardLines, alreadyScored);

        public void Advanced(long handledLines) => Handled = handledLines;

        public void LineSkipped(string where, string? id, string reason) => Skipped.Add((where, id, reason));
    }
}
