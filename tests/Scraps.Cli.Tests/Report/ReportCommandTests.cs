using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Scraps.Inference.Package;
using Scraps.Inference.Tests.Fixtures;
using Scraps.Shared;

namespace Scraps.Cli.Tests.Report;

/// <summary>scraps report (and scraps score --report): the filtering page a user decides from.</summary>
public sealed partial class ReportCommandTests : IClassFixture<TestPackageFixture>, IDisposable
{
    private readonly TestPackageFixture _package;
    private readonly string _folder = TestPackages.NewTempFolder();

    public ReportCommandTests(TestPackageFixture package)
    {
        _package = package;
        Directory.CreateDirectory(Path.Combine(_folder, "data", "wavs"));
        foreach (var name in new[] { "speech_16k_pcm16.wav", "flite_16k.flac" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "testdata", "audio", name), Path.Combine(_folder, "data", "wavs", name));
        }

        File.WriteAllLines(Manifest,
        [
            """{"id": "u1", "audio": "wavs/speech_16k_pcm16.wav", "text": "Alexa, end this call on my phone."}""",
            """{"id": "u2", "audio": "wavs/flite_16k.flac", "text": "Do <b>I</b> have it?"}""",
            """{"id": "u3", "audio": "wavs/speech_16k_pcm16.wav", "text": "Fine words."}""",
            """{"id": "u4", "audio": "wavs/flite_16k.flac", "phonemes": "d u: # aI # h { v"}""",
        ]);
    }

    private string Manifest => Path.Combine(_folder, "data", "manifest.jsonl");

    private string Scores => Path.Combine(_folder, "data", "scores.jsonl");

    private string Out => Path.Combine(_folder, "report");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_page_shows_counts_threshold_histograms_and_the_worst_pairs_with_their_audio_and_unsupported_words()
    {
        File.WriteAllLines(Scores,
        [
            """{"id":"u1","score":1.5,"probability":0.2,"match":false,"alignmentScore":-2.1,"words":[{"word":"Alexa","phonemes":"@ l E k s @","start":0.1,"end":0.5,"confidence":0.9,"match":true},{"word":"end","phonemes":"E n d","start":0.55,"end":0.7,"confidence":0.8,"match":true},{"word":"this","phonemes":"D I s","start":0.7,"end":0.9,"confidence":0.7,"match":true},{"word":"call","phonemes":"k O: l","start":1.0,"end":1.4,"confidence":0.12,"match":false},{"word":"on","phonemes":"A: n","start":1.4,"end":1.5,"confidence":0.8,"match":true},{"word":"my","phonemes":"m aI","start":null,"end":null,"confidence":0.05,"match":false},{"word":"phone","phonemes":"f oU n","start":1.8,"end":2.2,"confidence":0.9,"match":true}]}""",
            """{"id":"u2","score":-3.0,"probability":0.01,"match":false,"warnings":["audio: 12 clipped samples"]}""",
            """{"id":"u3","score":9.0,"probability":0.97,"match":true}""",
            """{"id":"u4","score":7.5,"probability":0.9,"match":true}""",
        ]);

        var (code, stdout, stderr) = await RunAsync("report", Scores, "--manifest", Manifest, "--out", Out, "--model", _package.Folder, "--worst", "3");

        Assert.True(code == 0, stderr);
        Assert.Contains("2 kept, 2 dropped, 3 worst pairs listed", stdout);
        var html = await File.ReadAllTextAsync(Path.Combine(Out, "index.html"));
        foreach (var png in new[] { "scores.png", "probabilities.png" })
        {
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await File.ReadAllBytesAsync(Path.Combine(Out, png)))[..4]);
            Assert.Contains($"<img src=\"{png}\"", html);
        }

        var manifest = ModelPackageReader.Read(_package.Folder, verifyHashes: false);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"kept when score ≥ {manifest.Threshold:0.000}"), html);
        Assert.Contains("<td id=\"total\">4</td>", html);
        Assert.Contains("<td id=\"kept\">2 (50.0%)</td>", html);
        Assert.Contains("<td id=\"dropped\">2 (50.0%)</td>", html);

        // Worst first (lowest probability), at most --worst rows; audio linked relative to the report folder.
        Assert.Equal(["u2", "u1", "u4"], WorstIds().Matches(html).Select(m => m.Groups["id"].Value));
        Assert.Contains("<audio controls preload=\"none\" src=\"../data/wavs/flite_16k.flac\"></audio>", html);
        Assert.Contains("href=\"../data/wavs/speech_16k_pcm16.wav\"", html);
        Assert.True(File.Exists(Path.GetFullPath(Path.Combine(Out, "../data/wavs/flite_16k.flac"))));

        // The words the audio does not support are marked in the transcript as written; the rest is plain, and escaped.
        Assert.Contains("Alexa, end this <mark class=\"unsupported\" title=\"confidence 0.12, 1.00-1.40 s\">call</mark> on "
                        + "<mark class=\"unsupported\" title=\"confidence 0.05, not aligned\">my</mark> phone.", html);
        Assert.Contains("Do &lt;b&gt;I&lt;/b&gt; have it?", html);
        Assert.Contains("audio: 12 clipped samples", html);
        Assert.Contains("d u: # aI # h { v", html);
    }

    [Fact]
    public void Words_are_marked_where_they_stand_as_whole_words()
    {
        var pair = new Scraps.Cli.Report.ScoredPair("x", 0, 0, false, null,
            [new("It", 0, 0.1, 0.9, true), new("a", 0.1, 0.2, 0.1, false), new("day", 0.2, 0.4, 0.9, true), new("a", 0.4, 0.5, 0.2, false)],
            [], null, "It was a day, a good one.");

        var html = Scraps.Cli.Report.ReportHtmlWriter.Transcript(pair);

        Assert.Equal(
            "It was <mark class=\"unsupported\" title=\"confidence 0.10, 0.10-0.20 s\">a</mark> day, "
            + "<mark class=\"unsupported\" title=\"confidence 0.20, 0.40-0.50 s\">a</mark> good one.",
            html);
    }

    [Fact]
    public async Task Score_with_report_writes_the_page_after_scoring_with_words()
    {
        var headed = TestPackages.Create(seed: 3, dims: TestPackages.HeadDims());

        var (code, _, stderr) = await RunAsync("score", "--model", headed, "--manifest", Manifest, "--out", Scores, "--words", "--report", Out);

        Assert.True(code == 0, stderr);
        Assert.Contains($"report: {Out}/index.html", stderr);
        var html = await File.ReadAllTextAsync(Path.Combine(Out, "index.html"));
        Assert.Contains("verdict (score, alignment and weakest word)", html);
        Assert.Contains("<td id=\"total\">4</td>", html);
        Assert.Equal(["u1", "u2", "u3", "u4"], WorstIds().Matches(html).Select(m => m.Groups["id"].Value).Order(StringComparer.Ordinal));
        Directory.Delete(headed, recursive: true);
    }

    [Theory]
    [InlineData("missing.jsonl", "", "scores: file not found")]
    [InlineData("scores.jsonl", "{\"id\": \"u1\", \"score\": \"high\"}", "scores.jsonl line 1 is not a scraps score output line")]
    [InlineData("scores.jsonl", "--worst 0", "--worst must be at least 1")]
    public async Task Bad_input_exits_2_with_a_one_line_error(string scoresName, string content, string expected)
    {
        var extra = Array.Empty<string>();
        if (content.StartsWith("--", StringComparison.Ordinal))
        {
            File.WriteAllText(Scores, """{"id":"u3","score":9.0,"probability":0.97,"match":true}""");
            extra = content.Split(' ');
        }
        else if (content.Length > 0)
        {
            File.WriteAllText(Scores, content);
        }

        var (code, _, stderr) = await RunAsync(["report", Path.Combine(_folder, "data", scoresName), "--manifest", Manifest, "--out", Out, "--model", _package.Folder, .. extra]);

        Assert.Equal(CommandLineRunner.InputError, code);
        Assert.Contains(expected, stderr);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.False(File.Exists(Path.Combine(Out, "index.html")));
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var root = new RootCommand("test") { Scraps.Cli.Report.ReportCommand.Create(), ScoreCommand.Create() };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLineRunner.InvokeAsync(root, args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [GeneratedRegex("<tr class=\"(kept|dropped)\"><td class=\"number\">\\d+</td><td>(?<id>[^<]+)</td>")]
    private static partial Regex WorstIds();
}
