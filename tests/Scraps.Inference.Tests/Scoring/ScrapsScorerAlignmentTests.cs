using Scraps.Inference.Alignment;
using Scraps.Inference.Calibration;
using Scraps.Inference.Encoders;
using Scraps.Inference.Runtime;
using Scraps.Inference.Scoring;
using Scraps.Inference.Tests.Fixtures;
using Scraps.Phonetics;

namespace Scraps.Inference.Tests.Scoring;

/// <summary>Scoring with a package that has the CTC head: the verdict, per-word answers and ranking.</summary>
public sealed class ScrapsScorerAlignmentTests : IDisposable
{
    private const string Transcript = "Alexa, end this call on my phone.";
    private static readonly string Speech = Path.Combine(AppContext.BaseDirectory, "testdata", "audio", "speech_16k_pcm16.wav");

    private readonly ScrapsModel _model = ScrapsModel.Load(TestPackages.Create(seed: 5, dims: TestPackages.HeadDims()));
    private readonly ScrapsModel _plain = ScrapsModel.Load(TestPackages.Create(seed: 5));
    private readonly EspeakPhonemizer _espeak = new();

    public void Dispose()
    {
        _model.Dispose();
        _plain.Dispose();
    }

    [Fact]
    public async Task Words_come_in_transcript_order_with_spans_confidences_and_matches_from_the_alignment()
    {
        var scorer = new ScrapsScorer(_model, _espeak);
        var clip = scorer.Inputs.PrepareClip(File.ReadAllBytes(Speech), "audio");
        var phonemes = scorer.Inputs.PreparePhonemes(Transcript, isPhonemes: false, "transcript", words: true);

        var result = await scorer.ScoreAsync(clip.Features, phonemes, words: true);

        Assert.Equal(["Alexa", "end", "this", "call", "on", "my", "phone"], result.Words!.Select(w => w.Word));
        Assert.Equal("f \" oU n", result.Words![^1].Phonemes);
        var spans = result.Words!.Select(w => (Start: w.Start!.Value, End: w.End!.Value)).ToArray();
        Assert.All(spans, s => Assert.True(s.Start < s.End && s.Start >= 0 && s.End <= clip.Seconds + 0.05, $"{s}"));
        Assert.All(spans.Zip(spans.Skip(1)), p => Assert.True(p.First.End <= p.Second.Start + 1e-9));
        Assert.All(result.Words!, w => Assert.InRange(w.Confidence, 0, 1));

        // The verdict: p = σ(0.5 score + 1.0 alignment + 2.0 minWord + 1.0), match at logit >= 0.25, word match at goodness >= -2.
        var acoustic = _model.Acoustic.Encode([clip.Features], EncoderOutputs.PhoneLogProbs)[0];
        var report = scorer.Verdicts.Align(acoustic.PhoneLogProbs!, phonemes with { Words = null });
        var logit = (0.5 * result.Score) + report.Score + (2.0 * report.MinWordGoodness) + 1.0;
        Assert.Equal(logit, result.VerdictLogit!.Value, 5);
        Assert.Equal(1 / (1 + Math.Exp(-logit)), result.Probability, 9);
        Assert.Equal(logit >= 0.25, result.Match);
        Assert.Equal(report.Score, result.AlignmentScore!.Value, 6);
        Assert.All(result.Words!, w => Assert.Equal(Math.Log(w.Confidence) >= -2.0, w.Match));
    }

    [Fact]
    public async Task A_model_without_the_head_refuses_per_word_answers_and_scores_as_before()
    {
        var scorer = new ScrapsScorer(_plain, _espeak);
        var clip = scorer.Inputs.PrepareClip(File.ReadAllBytes(Speech), "audio");
        var phonemes = scorer.Inputs.PreparePhonemes(Transcript, false, "transcript", words: true);

        var error = await Assert.ThrowsAsync<ScoringInputException>(() => scorer.ScoreAsync(clip.Features, phonemes, words: true));
        Assert.Contains("no CTC head", error.Message);
        var result = await scorer.ScoreAsync(clip.Features, phonemes);
        Assert.Null(result.AlignmentScore);
        Assert.Null(result.VerdictLogit);
        Assert.Equal(_plain.Calibration.Probability(result.Score), result.Probability, 9);
    }

    [Fact]
    public async Task Ranking_sorts_candidates_by_the_verdict_and_keeps_their_request_index()
    {
        var scorer = new ScrapsScorer(_model, _espeak);
        var clip = scorer.Inputs.PrepareClip(File.ReadAllBytes(Speech), "audio");
        string[] texts = ["Do I have any appointments?", Transcript, "Alexa, end this call on my home.", "Hello."];
        var candidates = texts.Select((t, i) => scorer.Inputs.PreparePhonemes(t, false, $"candidates[{i}]")).ToArray();

        var ranked = await scorer.RankAsync(clip.Features, candidates);

        Assert.Equal([0, 1, 2, 3], ranked.Select(r => r.Index).Order());
        Assert.All(ranked.Zip(ranked.Skip(1)), p => Assert.True(p.First.Score.VerdictLogit >= p.Second.Score.VerdictLogit));
        var alone = await scorer.ScoreAsync(clip.Features, candidates[ranked[0].Index]);
        Assert.Equal(alone.Probability, ranked[0].Score.Probability, 9);
    }

    [Fact]
    public void Inputs_outside_the_limits_are_refused_with_the_field_named()
    {
        var scorer = new ScrapsScorer(_model, _espeak, limits: new ScoringLimits { MinAudioMilliseconds = 100, MaxAudioSeconds = 1, MaxTranscriptCharacters = 10 });

        Assert.Contains("'audio' is 2.65 s long; the longest clip scored is 1 s", Assert.Throws<ScoringInputException>(() => scorer.Inputs.PrepareClip(File.ReadAllBytes(Speech), "audio")).Message);
        Assert.Contains("'audio' is 50 ms long", Assert.Throws<ScoringInputException>(() => scorer.Inputs.PrepareClip(new float[800], "audio")).Message);
        Assert.Contains("'t' has 33 characters; the limit is 10", Assert.Throws<ScoringInputException>(() => scorer.Inputs.PreparePhonemes(Transcript, false, "t")).Message);
        Assert.Contains("'p' is empty", Assert.Throws<ScoringInputException>(() => scorer.Inputs.PreparePhonemes(" ", true, "p")).Message);
        Assert.Contains("'p':", Assert.Throws<ScoringInputException>(() => scorer.Inputs.PreparePhonemes("zz9 k", true, "p")).Message);
    }

    [Fact]
    public void The_verdict_fit_separates_near_misses_by_their_weakest_word()
    {
        // Matched pairs: good score, every word supported. Near misses: same scores, one bad word. Random: low scores.
        static AlignmentReport Report(double score, double worst) => new(score, [
            new WordAlignment(new Scraps.Phonetics.Words.TranscriptWord("a", 0, 1), 0, 0.1, -0.1),
            new WordAlignment(new Scraps.Phonetics.Words.TranscriptWord("b", 1, 2), 0.1, 0.2, worst)]);
        var rng = new Random(3);
        var matched = Enumerable.Range(0, 200).Select(_ => (20 + rng.NextDouble() * 4, Report(-0.3 - rng.NextDouble() * 0.2, -0.2 - rng.NextDouble() * 0.5))).ToArray();
        var near = Enumerable.Range(0, 200).Select(_ => (20 + rng.NextDouble() * 4, Report(-0.5 - rng.NextDouble() * 0.2, -3 - rng.NextDouble() * 2))).ToArray();
        var random = Enumerable.Range(0, 200).Select(_ => (rng.NextDouble() * 5, Report(-5, -8))).ToArray();

        var verdict = VerdictCalibration.Fit(
            Features(matched), Features(random), Features(near),
            matched.Select(m => (m.Item2.Words[1].Goodness, (double?)null)).ToArray(), near.Select(n => (n.Item2.Words[1].Goodness, (double?)null)).ToArray(), withMatching: false);

        Assert.True(verdict.WordWeight > 0, $"word weight {verdict.WordWeight}");
        Assert.All(Features(matched), m => Assert.True(verdict.IsMatch(verdict.Logit(m))));
        Assert.All(Features(near), n => Assert.False(verdict.IsMatch(verdict.Logit(n))));
        Assert.InRange(verdict.WordThreshold, -3.0, -0.7);
    }

    [Fact]
    public void Where_near_misses_overlap_the_matched_pairs_the_verdict_still_keeps_97_percent_of_them()
    {
        // A weak head: near misses look almost like matched pairs, so the equal-error point would reject ~40% of the
        // correct pairs. The balanced threshold rejects at most 3% of matched pairs (the word threshold 2% of their
        // words), and random transcripts stay rejected.
        static AlignmentReport Report(double score, double worst) => new(score, [
            new WordAlignment(new Scraps.Phonetics.Words.TranscriptWord("a", 0, 1), 0, 0.1, -0.1),
            new WordAlignment(new Scraps.Phonetics.Words.TranscriptWord("b", 1, 2), 0.1, 0.2, worst)]);
        var rng = new Random(5);
        var matched = Enumerable.Range(0, 500).Select(_ => (20 + rng.NextDouble() * 4, Report(-0.3 - rng.NextDouble() * 0.2, -0.2 - rng.NextDouble()))).ToArray();
        var near = Enumerable.Range(0, 500).Select(_ => (19.7 + rng.NextDouble() * 4, Report(-0.35 - rng.NextDouble() * 0.2, -0.4 - rng.NextDouble()))).ToArray();
        var random = Enumerable.Range(0, 500).Select(_ => (rng.NextDouble() * 5, Report(-5, -8))).ToArray();
        var matchedWords = matched.Select(m => m.Item2.Words[1].Goodness).ToArray();
        var nearWords = near.Select(n => n.Item2.Words[1].Goodness).ToArray();

        var verdict = VerdictCalibration.Fit(
            Features(matched), Features(random), Features(near),
            matchedWords.Select(w => (w, (double?)null)).ToArray(), nearWords.Select(w => (w, (double?)null)).ToArray(), withMatching: false);

        var falseRejects = Features(matched).Count(m => !verdict.IsMatch(verdict.Logit(m)));
        Assert.InRange(falseRejects, 1, 15); // capped at 3% of 500 (balanced), and the cap is where it sits (not far below)
        Assert.All(Features(random), r => Assert.False(verdict.IsMatch(verdict.Logit(r))));
        Assert.InRange(matchedWords.Count(w => !verdict.IsWordMatch(w)), 1, 10);
        Assert.True(Features(near).Count(n => !verdict.IsMatch(verdict.Logit(n))) > 0, "some near misses are still caught");
        // The lenient point keeps more good pairs, the strict one catches more near misses.
        Assert.True(verdict.LenientThreshold <= verdict.Threshold && verdict.Threshold <= verdict.StrictThreshold);
    }

    [Fact]
    public void A_small_human_group_keeps_its_false_reject_cap_beside_a_large_synthetic_one()
    {
        // 2,000 synthetic pairs and 100 human ones (5% of the matches): pooled, the 2% cap could reject most human clips at
        // once; per group, at most 2 of the 100 human matches fall below it.
        static AlignmentReport Report(double score, double worst) => new(score, [
            new WordAlignment(new Scraps.Phonetics.Words.TranscriptWord("a", 0, 1), 0, 0.1, -0.1),
            new WordAlignment(new Scraps.Phonetics.Words.TranscriptWord("b", 1, 2), 0.1, 0.2, worst)]);
        var rng = new Random(7);
        VerdictFeatures[] Make(int n, double score, double worst, string group) => Enumerable.Range(0, n)
            .Select(_ => new VerdictFeatures(score + rng.NextDouble() * 3, Report(-0.4, worst - rng.NextDouble()), 12, 2.5) { Group = group })
            .ToArray();
        // Human matches look like synthetic near misses (real speech is heard less surely): only a per-group cap keeps them.
        var matched = Make(2000, 22, -0.2, "synthetic").Concat(Make(100, 20, -3, "human")).ToArray();
        var near = Make(2000, 20, -3, "synthetic").Concat(Make(100, 15, -5, "human")).ToArray();
        var random = Make(2000, 0, -8, "synthetic").Concat(Make(100, 0, -8, "human")).ToArray();

        var verdict = VerdictCalibration.Fit(matched, random, near, [], [], withMatching: false);

        var humanRejects = matched.Where(m => m.Group == "human").Count(m => !verdict.IsMatch(verdict.Logit(m)));
        var syntheticRejects = matched.Where(m => m.Group == "synthetic").Count(m => !verdict.IsMatch(verdict.Logit(m)));
        Assert.InRange(humanRejects, 0, 3);
        Assert.InRange(syntheticRejects, 0, 60);
        Assert.All(random, r => Assert.False(verdict.IsMatch(verdict.Logit(r))));
    }

    [Fact]
    public void Where_no_threshold_bounds_both_errors_balanced_misses_both_bounds_by_the_same_proportion()
    {
        // Matched logits 0..100 and random 60..160 overlap heavily: keeping 97% of the matches would accept 37% of the
        // random pairs. The balanced point then equalises the two errors relative to their bounds (3% and 2%): here at
        // 96, rejecting 96% and accepting 64%, each 32 times its bound (the export reports such figures per group).
        var matched = Enumerable.Range(0, 1000).Select(i => i / 10.0).ToArray();
        var random = Enumerable.Range(0, 1000).Select(i => 60 + (i / 10.0)).ToArray();

        var t = VerdictCalibration.Balanced([(matched, random)], capped: 3.0);

        var rejected = matched.Count(v => v < t) / 1000.0;
        var accepted = random.Count(v => v >= t) / 1000.0;
        Assert.InRange(rejected / 0.03, (accepted / 0.02) - 0.1, (accepted / 0.02) + 0.1);
        Assert.InRange(rejected, 0.95, 0.97);
    }

    [Fact]
    public void Where_the_false_reject_cap_also_bounds_random_accepts_balanced_is_that_cap()
    {
        var matched = Enumerable.Range(0, 1000).Select(i => 50 + (i / 10.0)).ToArray();
        var random = Enumerable.Range(0, 1000).Select(i => i / 100.0).ToArray();

        Assert.Equal(53.0, VerdictCalibration.Balanced([(matched, random)], capped: 53.0));
    }

    private static VerdictFeatures[] Features((double Score, AlignmentReport Alignment)[] pairs) =>
        pairs.Select(p => new VerdictFeatures(p.Score, p.Alignment, Phones: 12, Seconds: 2.5)).ToArray();
}
