using Scraps.Cli.Eval;
using Scraps.Cli.Tests.Eval.Support;
using Scraps.Inference.Manifests;
using Scraps.Inference.Scoring;

namespace Scraps.Cli.Tests.Eval;

public class EvalPairSamplerTests
{
    private static readonly string Speech = Path.Combine(AppContext.BaseDirectory, "testdata", "audio", "speech_16k_pcm16.wav");

    private static readonly EvalPairPreparer Preparer = new(new ScrapsScorer(EvalTestPackage.Model, phonemizer: null));

    /// <summary>Lines u0..u(n-1) of one clip; those in <paramref name="bad"/> have a missing audio file.</summary>
    private static List<EvalManifestLine> Lines(int count, params int[] bad) =>
        Enumerable.Range(0, count)
            .Select(i => new EvalManifestLine(i + 1, new ScoringManifestEntry($"u{i}", "a.wav", null, "h @"), bad.Contains(i) ? "/nonexistent/a.wav" : Speech))
            .ToList();

    private static (IReadOnlyList<EvalPair> Pairs, RecordingProgress Progress) Sample(List<EvalManifestLine> lines, int pairs, int seed)
    {
        var progress = new RecordingProgress();
        var sampled = EvalPairSampler.Sample(lines, Preparer, new EvalSettings { Pairs = pairs, Seed = seed, PreparationThreads = 2 }, progress, CancellationToken.None);
        return (sampled, progress);
    }

    [Fact]
    public void Draws_the_pairs_asked_for_in_a_seeded_random_order()
    {
        var lines = Lines(12);

        var first = Sample(lines, 5, seed: 1).Pairs.Select(p => p.Id).ToArray();
        var again = Sample(lines, 5, seed: 1).Pairs.Select(p => p.Id).ToArray();
        var other = Sample(lines, 5, seed: 2).Pairs.Select(p => p.Id).ToArray();

        Assert.Equal(5, first.Length);
        Assert.Equal(5, first.Distinct().Count());
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Replaces_unusable_lines_by_the_next_ones_and_warns_about_them()
    {
        var lines = Lines(10, bad: [0, 3, 5]);

        var (pairs, progress) = Sample(lines, 6, seed: 3);

        Assert.Equal(6, pairs.Count);
        Assert.DoesNotContain(pairs, p => p.Id is "u0" or "u3" or "u5");
        Assert.NotEmpty(progress.Warnings);
        Assert.All(progress.Warnings, w => Assert.Matches(@"^line (1 \(u0\)|4 \(u3\)|6 \(u5\)): audio file not found", w));
        Assert.Equal(("preparing pairs", 6), progress.Stages.Single());
        Assert.Equal(6, progress.Done["preparing pairs"]);
    }

    [Fact]
    public void Uses_every_usable_line_when_there_are_fewer_than_asked_for()
    {
        var (pairs, progress) = Sample(Lines(4, bad: [2]), 1152, seed: 0);

        Assert.Equal(new[] { "u0", "u1", "u3" }, pairs.Select(p => p.Id).Order());
        Assert.StartsWith("line 3 (u2): audio file not found", Assert.Single(progress.Warnings), StringComparison.Ordinal);
    }
}
