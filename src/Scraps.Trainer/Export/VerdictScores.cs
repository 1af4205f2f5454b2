using Scraps.Data;
using Scraps.Inference.Calibration;
using Scraps.Inference.Encoders;
using Scraps.Inference.Evaluation;
using Scraps.Inference.Runtime;
using Scraps.Inference.Scoring;
using Scraps.Model.Training;

namespace Scraps.Trainer.Export;

/// <summary>
/// The held-out figures the verdict of a model with the CTC head is fitted on, through the ONNX Runtime engine: every
/// clip against its own phonemes (matched), the phonemes of the next clip with another sentence (random), and a
/// close-word near miss of its own phonemes (one word replaced by a lexicon word 1-2 phones away); with, for the word
/// threshold, the goodness of every word of the matched pairs and of each substituted word.
/// </summary>
internal sealed record VerdictScores(
    IReadOnlyList<VerdictFeatures> Matched,
    IReadOnlyList<VerdictFeatures> Random,
    IReadOnlyList<VerdictFeatures> NearMiss,
    IReadOnlyList<(double Goodness, double? Match)> MatchedWords,
    IReadOnlyList<(double Goodness, double? Match)> SubstitutedWords,
    bool WithMatching)
{
    private const int EncodeChunk = 64;

    public static VerdictScores Compute(ScrapsModel model, FeatureCache cache, IReadOnlyList<CachedUtterance> clips, HardNegativeSampler sampler, int seed, CancellationToken cancellationToken) =>
        Compute(model, [(cache, clips)], sampler, seed, cancellationToken);

    /// <summary>The figures of clips from several caches (each clip's random mismatch comes from its own cache); each clip is grouped as synthetic or human.</summary>
    public static VerdictScores Compute(
        ScrapsModel model, IReadOnlyList<(FeatureCache Cache, IReadOnlyList<CachedUtterance> Clips)> sources, HardNegativeSampler sampler, int seed, CancellationToken cancellationToken)
    {
        var parts = sources.Select(s => ComputeOne(model, s.Cache, s.Clips, sampler, seed, cancellationToken)).ToArray();
        return new VerdictScores(
            parts.SelectMany(p => p.Matched).ToArray(),
            parts.SelectMany(p => p.Random).ToArray(),
            parts.SelectMany(p => p.NearMiss).ToArray(),
            parts.SelectMany(p => p.MatchedWords).ToArray(),
            parts.SelectMany(p => p.SubstitutedWords).ToArray(),
            model.Matching is not null);
    }

    /// <summary>A clip's group in the fit: "synthetic" for a synthesizer's voice (engine:voice), else "human".</summary>
    internal static string GroupOf(CachedUtterance clip) => clip.Voice.Contains(':', StringComparison.Ordinal) ? "synthetic" : "human";

    private static VerdictScores ComputeOne(ScrapsModel model, FeatureCache cache, IReadOnlyList<CachedUtterance> clips, HardNegativeSampler sampler, int seed, CancellationToken cancellationToken)
    {
        var scorer = new ScrapsScorer(model, phonemizer: null);
        var withMatching = model.Matching is not null;
        var matched = new List<VerdictFeatures>();
        var random = new List<VerdictFeatures>();
        var nearMiss = new List<VerdictFeatures>();
        var matchedWords = new List<(double, double?)>();
        var substitutedWords = new List<(double, double?)>();
        var draw = new DeterministicRandom(seed, RandomPurpose.ValidationNegatives, 0);
        var acousticOutputs = EncoderOutputs.PhoneLogProbs | (withMatching ? EncoderOutputs.PhoneFeatures : 0);
        var phoneticOutputs = withMatching ? EncoderOutputs.Sequence : EncoderOutputs.Embedding;
        for (var start = 0; start < clips.Count; start += EncodeChunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = clips.Skip(start).Take(EncodeChunk).ToArray();
            var own = chunk.Select(c => Input(c.PhonemeIds)).ToArray();
            var other = chunk.Select((c, i) => Input(NextOther(clips, start + i).PhonemeIds)).ToArray();
            var misses = chunk.Select(c => sampler.Draw(c.PhonemeIds, HardNegativeKind.CloseWord, draw)).ToArray();
            var acoustic = model.Acoustic.Encode(chunk.Select(c => CalibrationScores.ReadFeatures(model, cache, c)).ToArray(), acousticOutputs, cancellationToken);
            var phonetic = model.Phonetic.Encode([.. own.Select(p => p.Ids), .. other.Select(p => p.Ids), .. misses.Select(m => Array.ConvertAll(m, id => (long)id))], phoneticOutputs, cancellationToken);
            var logits = scorer.Verdicts.MatchLogitsOf(phonetic, [.. acoustic, .. acoustic, .. acoustic]);
            for (var i = 0; i < chunk.Length; i++)
            {
                var group = GroupOf(chunk[i]);
                var mine = scorer.Verdicts.Measure(acoustic[i], phonetic[i], own[i], logits?[i]) with { Group = group };
                matched.Add(mine);
                matchedWords.AddRange(WordFigures(mine, own[i], logits?[i], model));
                random.Add(scorer.Verdicts.Measure(acoustic[i], phonetic[chunk.Length + i], other[i], logits?[chunk.Length + i]) with { Group = group });
                var miss = Input(misses[i]);
                var missFigures = scorer.Verdicts.Measure(acoustic[i], phonetic[(2 * chunk.Length) + i], miss, logits?[(2 * chunk.Length) + i]) with { Group = group };
                nearMiss.Add(missFigures);
                if (ChangedWord(sampler, chunk[i].PhonemeIds, misses[i]) is { } w && w < missFigures.Alignment.Words.Count)
                {
                    substitutedWords.Add(WordFigures(missFigures, miss, logits?[(2 * chunk.Length) + i], model)[w]);
                }
            }
        }
        return new VerdictScores(matched, random, nearMiss, matchedWords, substitutedWords, withMatching);
    }

    /// <summary>Each word's goodness and (with a matching head) its lowest phone logit.</summary>
    private static (double, double?)[] WordFigures(VerdictFeatures figures, PhoneticInput phonemes, float[]? logits, ScrapsModel model) =>
        figures.Alignment.Words
            .Select(w => (w.Goodness, logits is null ? (double?)null : MatchingFigures.WordLogit(logits, phonemes.Ids, model.Inventory, w.Word)))
            .ToArray();

    /// <summary>Fits the verdict; the figures say how it separates each kind of mismatch on the same pairs.</summary>
    public (VerdictCalibration Calibration, VerdictFigures Figures) Fit()
    {
        var calibration = VerdictCalibration.Fit(Matched, Random, NearMiss, MatchedWords, SubstitutedWords, WithMatching);
        float[] Logits(IEnumerable<VerdictFeatures> pairs) => pairs.Select(p => (float)calibration.Logit(p)).ToArray();
        var matched = Logits(Matched);
        var random = Logits(Random);
        var near = Logits(NearMiss);
        float[] Scores(IEnumerable<VerdictFeatures> pairs) => pairs.Select(p => (float)p.Score).ToArray();
        var figures = new VerdictFigures(
            Matched.Count,
            BinaryScoreMetrics.AucRoc(matched, random),
            BinaryScoreMetrics.AucRoc(matched, near),
            BinaryScoreMetrics.AucRoc(Scores(Matched), Scores(NearMiss)),
            matched.Count(v => v < calibration.Threshold) / (double)matched.Length,
            near.Count(v => v >= calibration.Threshold) / (double)near.Length,
            random.Count(v => v >= calibration.Threshold) / (double)random.Length)
        {
            ByGroup = Matched.Select(p => p.Group ?? "all").Distinct().Order(StringComparer.Ordinal).Select(g => GroupFiguresOf(g, calibration)).ToArray(),
        };
        return (calibration, figures);
    }

    /// <summary>One kind of speech's figures at each operating point: where one threshold cannot serve both, this shows it.</summary>
    private VerdictGroupFigures GroupFiguresOf(string group, VerdictCalibration calibration)
    {
        bool In(VerdictFeatures p) => (p.Group ?? "all") == group;
        var matched = Matched.Where(In).Select(calibration.Logit).ToArray();
        var random = Random.Where(In).Select(calibration.Logit).ToArray();
        var near = NearMiss.Where(In).Select(calibration.Logit).ToArray();
        var points = Enum.GetValues<Scraps.Inference.Calibration.VerdictStrictness>()
            .Select(s => (Strictness: s, Threshold: calibration.ThresholdOf(s)))
            .Select(p => new VerdictOperatingPoint(
                p.Strictness,
                matched.Count(v => v < p.Threshold) / (double)Math.Max(1, matched.Length),
                near.Count(v => v >= p.Threshold) / (double)Math.Max(1, near.Length),
                random.Count(v => v >= p.Threshold) / (double)Math.Max(1, random.Length)))
            .ToArray();
        return new VerdictGroupFigures(
            group,
            matched.Length,
            BinaryScoreMetrics.AucRoc(matched.Select(v => (float)v).ToArray(), random.Select(v => (float)v).ToArray()),
            BinaryScoreMetrics.AucRoc(matched.Select(v => (float)v).ToArray(), near.Select(v => (float)v).ToArray()),
            points);
    }

    private static PhoneticInput Input(int[] ids) => new(Array.ConvertAll(ids, id => (long)id), string.Empty);

    /// <summary>The next clip (cyclically) whose phonemes differ: a random other sentence, deterministic.</summary>
    private static CachedUtterance NextOther(IReadOnlyList<CachedUtterance> clips, int i)
    {
        for (var k = 1; k < clips.Count; k++)
        {
            var j = (i + k) % clips.Count;
            if (!clips[j].PhonemeIds.AsSpan().SequenceEqual(clips[i].PhonemeIds))
            {
                return clips[j];
            }
        }
        return clips[i];
    }

    /// <summary>The index of the one word that differs between a sequence and its close-word near miss (null when the word counts differ).</summary>
    internal static int? ChangedWord(HardNegativeSampler sampler, int[] original, int[] nearMiss)
    {
        var a = sampler.Words(original);
        var b = sampler.Words(nearMiss);
        if (a.Count != b.Count)
        {
            return null;
        }

        for (var w = 0; w < a.Count; w++)
        {
            if (!original.AsSpan(a[w].Start, a[w].End - a[w].Start).SequenceEqual(nearMiss.AsSpan(b[w].Start, b[w].End - b[w].Start)))
            {
                return w;
            }
        }
        return null;
    }
}

/// <summary>How the fitted verdict does on the pairs it was fitted on (held-out voices).</summary>
/// <param name="NearMissAucScoreOnly">The same near misses ranked by the raw SCRAPS score alone, for comparison.</param>
/// <param name="FalseRejects">Share of matched pairs below the threshold.</param>
/// <param name="NearMissFalseAccepts">Share of near misses at or above it.</param>
/// <param name="RandomFalseAccepts">Share of random mismatches at or above it.</param>
internal sealed record VerdictFigures(
    int Pairs, double RandomAuc, double NearMissAuc, double NearMissAucScoreOnly, double FalseRejects, double NearMissFalseAccepts, double RandomFalseAccepts)
{
    /// <summary>The same per kind of speech (synthetic, human) and operating point.</summary>
    public IReadOnlyList<VerdictGroupFigures> ByGroup { get; init; } = [];
}

/// <summary>One kind of speech's verdict figures (on the calibration pairs).</summary>
internal sealed record VerdictGroupFigures(string Group, int Pairs, double RandomAuc, double NearMissAuc, IReadOnlyList<VerdictOperatingPoint> Points);

/// <summary>Error rates at one operating point: correct pairs rejected, near misses and random mismatches accepted.</summary>
internal sealed record VerdictOperatingPoint(Scraps.Inference.Calibration.VerdictStrictness Strictness, double FalseRejects, double NearMissAccepts, double RandomAccepts);
