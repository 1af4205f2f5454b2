using System.Text.Json.Nodes;
using Scraps.Inference.Manifests;
using Scraps.Inference.Manifests.Filtering;
using Scraps.Inference.Manifests.Formats;
using Scraps.Inference.Runtime;
using Scraps.Inference.Scoring;
using Scraps.Inference.Tests.Fixtures;
using Scraps.Phonetics;

namespace Scraps.Inference.Tests.Manifests.Formats;

/// <summary>
/// The same three utterances as this project's manifest (one file each), a NeMo manifest, a Kaldi data directory and
/// Lhotse cuts and supervisions (segments of one recording), and Parquet (audio bytes inside): every format scores
/// them to the same numbers, and filtered output reads back with its own reader.
/// </summary>
public sealed class ManifestFormatsTests : IClassFixture<TestPackageFixture>, IDisposable
{
    private readonly FormatFixture _fixture = new();
    private readonly ScrapsModel _model;
    private readonly EspeakPhonemizer _phonemizer;
    private readonly ScrapsScorer _scorer;

    public ManifestFormatsTests(TestPackageFixture package)
    {
        _model = ScrapsModel.Load(package.Folder);
        _phonemizer = _model.CreatePhonemizer();
        _scorer = new ScrapsScorer(_model, _phonemizer);
    }

    public void Dispose()
    {
        _model.Dispose();
        _phonemizer.Dispose();
        _fixture.Dispose();
    }

    public static TheoryData<string> Formats => new() { "nemo", "kaldi", "lhotse-cuts", "lhotse-supervisions", "parquet" };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_format_scores_the_clips_to_the_numbers_of_the_projects_own_manifest(string format)
    {
        var reference = Score(_fixture.WriteScraps(), "reference");
        var path = Write(format);

        var (scores, summary) = ScoreWithSummary(path, format);

        Assert.Equal(0, summary.Skipped);
        Assert.Equal(FormatFixture.Clips.Select(c => c.Id).Order(), scores.Keys.Order());
        foreach (var (id, score) in reference)
        {
            Assert.Equal(score, scores[id], 5);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Filtered_output_reads_back_with_its_own_reader_split_as_the_rule_says(string format)
    {
        var path = Write(format);
        var scoresPath = Path.Combine(_fixture.Folder, $"{format}-scores.jsonl");
        Score(path, format, scoresPath);
        var verdicts = ScoreVerdict.ReadAll([scoresPath]);
        var median = verdicts.Values.Select(v => v.Probability).Order().ElementAt(1);
        var extension = format switch { "kaldi" => string.Empty, "parquet" => ".parquet", "lhotse-cuts" => ".jsonl.gz", _ => ".jsonl" };
        var kept = Path.Combine(_fixture.Folder, $"kept-{format}{extension}");
        var dropped = Path.Combine(_fixture.Folder, $"dropped-{format}{extension}");
        var source = Source(path, format);

        var summary = ManifestFilter.Run(source, verdicts, new FilterRule(median), kept, dropped, ShardSpec.All);

        var expectedKept = verdicts.Values.Where(v => v.Probability >= median).Select(v => v.Id).Order().ToArray();
        Assert.Equal((expectedKept.Length, 3 - expectedKept.Length, 0L), (summary.Kept, summary.Dropped, summary.Unscored));
        var keptItems = (source with { Path = kept }).Open().Read().ToArray();
        var droppedItems = (source with { Path = dropped, LhotseRecordings = source.LhotseRecordings }).Open().Read().ToArray();
        Assert.All(keptItems.Concat(droppedItems), i => Assert.Null(i.Error));
        Assert.Equal(expectedKept, keptItems.Select(i => i.Id!).Order());
        Assert.Equal(verdicts.Keys.Except(expectedKept).Order(), droppedItems.Select(i => i.Id!).Order());
        // The kept entries score as before: the filtered manifest is a manifest like the input.
        var rescored = Score(kept, format, Path.Combine(_fixture.Folder, $"{format}-rescored.jsonl"), source with { Path = kept });
        Assert.All(rescored, r => Assert.Equal(verdicts[r.Key].Score, r.Value, 5));
    }

    [Fact]
    public void A_wav_scp_command_is_refused_for_its_utterance_only_and_never_run()
    {
        var marker = Path.Combine(_fixture.Folder, "ran");
        var dir = _fixture.WriteKaldi($"other touch {marker} |");
        File.AppendAllLines(Path.Combine(dir, "text"), ["utt-x hello there"]);
        File.AppendAllLines(Path.Combine(dir, "segments"), ["utt-x other 0 1"]);

        var (scores, summary) = ScoreWithSummary(dir, "kaldi");

        Assert.Equal(3, scores.Count);
        Assert.Equal(1, summary.Skipped);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public void One_long_recording_is_decoded_once_for_all_its_segments()
    {
        var cache = new RecordingCache(1L << 30, TimeSpan.FromHours(1));

        for (var i = 0; i < 5; i++)
        {
            cache.Get(_fixture.RecordingPath);
        }

        Assert.Equal(1, cache.Decodes);
    }

    [Fact]
    public void A_recording_cache_over_its_budget_evicts_the_least_recently_used()
    {
        var clips = FormatFixture.Clips.Select(c => Path.Combine(_fixture.Folder, "clips", $"{c.Id}.wav")).ToArray();
        var cache = new RecordingCache(maxBytes: 100_000, TimeSpan.FromHours(1)); // room for one clip (~80-96 kB)

        cache.Get(clips[0]);
        cache.Get(clips[1]);
        cache.Get(clips[1]);
        cache.Get(clips[0]);

        Assert.Equal(3, cache.Decodes);
    }

    private string Write(string format) => format switch
    {
        "nemo" => _fixture.WriteNemo(),
        "kaldi" => _fixture.WriteKaldi(),
        "lhotse-cuts" => _fixture.WriteLhotseCuts(),
        "lhotse-supervisions" => _fixture.WriteLhotseSupervisions(),
        "parquet" => _fixture.WriteParquet(),
        _ => _fixture.WriteScraps(),
    };

    private ManifestSource Source(string path, string format) => new(path)
    {
        Format = format switch
        {
            "nemo" => ManifestFormat.Nemo,
            "kaldi" => ManifestFormat.Kaldi,
            "parquet" => ManifestFormat.Parquet,
            "reference" => ManifestFormat.Scraps,
            _ => ManifestFormat.Lhotse,
        },
        LhotseRecordings = format == "lhotse-supervisions" ? Path.Combine(_fixture.Folder, "lh_recordings.jsonl") : null,
    };

    private Dictionary<string, double> Score(string path, string format, string? output = null, ManifestSource? source = null) =>
        ScoreWithSummary(path, format, output, source).Scores;

    private (Dictionary<string, double> Scores, ManifestScoringSummary Summary) ScoreWithSummary(string path, string format, string? output = null, ManifestSource? source = null)
    {
        output ??= Path.Combine(_fixture.Folder, $"{format}-{Guid.NewGuid():N}.jsonl");
        var summary = new ManifestScoringJob(_scorer, new ManifestScoringOptions(path, output) { Source = source ?? Source(path, format), BatchSize = 2 })
            .Run(new SilentObserver());
        var scores = File.ReadAllLines(output).Select(l => JsonNode.Parse(l)!).ToDictionary(l => (string)l["id"]!, l => (double)l["score"]!);
        return (scores, summary);
    }

    private sealed class SilentObserver : IManifestScoringObserver
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
