using Scraps.Inference.Alignment;
using Scraps.Inference.Calibration;
using Scraps.Inference.Encoders;
using Scraps.Inference.Runtime;
using Scraps.Phonetics;
using Scraps.Phonetics.Words;

namespace Scraps.Inference.Scoring;

/// <summary>
/// How a model judges a pair once both sides are encoded: the raw score, and with the CTC head the alignment, the
/// calibrated verdict (score, alignment, the weakest word, the unexplained speech, lengths and, with a matching head,
/// its logits) and the per-word answers. The one place the verdict's features are computed, for scoring and for the
/// export that fits it.
/// </summary>
public sealed class PairVerdicts
{
    private readonly ScrapsModel _model;
    private readonly VerdictCalibration? _verdict;

    public PairVerdicts(ScrapsModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _verdict = VerdictCalibration.FromManifest(model.Manifest);
    }

    /// <summary>True when the model has a matching head and its verdict reads it.</summary>
    public bool HasMatching => _model.Matching is not null && _verdict?.UsesMatching == true;

    /// <summary>Score-only calibration of one pair of SCRAPS vectors (acoustic, phonetic): what a model without the head answers.</summary>
    public PairScore ScoreVectors(ReadOnlySpan<float> acoustic, ReadOnlySpan<float> phonetic)
    {
        var score = VectorMath.Dot(acoustic, phonetic);
        return new PairScore(score, _model.Calibration.Probability(score), _model.Calibration.IsMatch(score));
    }

    /// <summary>
    /// What the verdict weighs for a pair already encoded (the acoustic side with its posteriors, and with its phone
    /// features and the phonetic side's states when <paramref name="matchLogits"/> are given).
    /// </summary>
    public VerdictFeatures Measure(EncoderOutput acoustic, EncoderOutput phonetic, PhoneticInput phonemes, float[]? matchLogits)
    {
        var posteriors = acoustic.PhoneLogProbs ?? throw new InvalidOperationException("measuring a pair needs the CTC posteriors");
        var groups = Groups(phonemes);
        var alignment = WordAligner.Align(posteriors, phonemes.Ids, _model.Inventory, groups);
        return Features(VectorMath.Dot(acoustic.Embedding, phonetic.Embedding), alignment, phonemes, posteriors, groups, matchLogits);
    }

    /// <summary>The matching logits of pairs already encoded with <see cref="EncoderOutputs.PhoneFeatures"/> and sequences; null without a head.</summary>
    public float[][]? MatchLogitsOf(IReadOnlyList<EncoderOutput> phonetic, IReadOnlyList<EncoderOutput> acoustic) =>
        _model.Matching is not null && phonetic.Count > 0 && phonetic[0].Sequence is not null && acoustic[0].PhoneFeatures is not null
            ? _model.Matching.Logits(phonetic, acoustic)
            : null;

    /// <summary>The CTC alignment of a phoneme sequence to a clip's posteriors, with the given words (default: its groups).</summary>
    public AlignmentReport Align(PhonePosteriors posteriors, PhoneticInput phonemes, IReadOnlyList<TranscriptWord>? words = null) =>
        WordAligner.Align(posteriors, phonemes.Ids, _model.Inventory, words ?? Groups(phonemes));

    /// <summary>The matching head's per-token logits of each (transcript, clip) pair; null when the verdict does not read them.</summary>
    internal float[][]? MatchLogits(IReadOnlyList<EncoderOutput> phonetic, IReadOnlyList<EncoderOutput> acoustic) =>
        HasMatching && phonetic.Count > 0 && phonetic[0].Sequence is not null && acoustic[0].PhoneFeatures is not null
            ? _model.Matching!.Logits(phonetic, acoustic)
            : null;

    /// <summary>The match of a model without a verdict: a caller's threshold applies to the score calibration's logit.</summary>
    private bool ScoreMatches(double score, VerdictOptions options) =>
        options.Threshold is { } own ? (_model.Calibration.A * score) + _model.Calibration.B >= own : _model.Calibration.IsMatch(score);

    /// <summary>Score, alignment, probability and match of one pair; <paramref name="rankKey"/> orders candidates.</summary>
    internal PairScore Judge(
        EncoderOutput acoustic, EncoderOutput phonetic, PhoneticInput phonemes, bool words, float[]? matchLogits, VerdictOptions options, out double rankKey)
    {
        var score = VectorMath.Dot(acoustic.Embedding, phonetic.Embedding);
        if (acoustic.PhoneLogProbs is not { } posteriors)
        {
            rankKey = score;
            var plain = ScoreVectors(acoustic.Embedding, phonetic.Embedding);
            // Without a verdict the logit is the score calibration's; a caller's threshold applies to it alike.
            return plain with { Match = ScoreMatches(score, options) };
        }

        // The verdict reads espeak-ng's groups (as export fitted it); the per-word answer the written words: one path, two readings.
        var groups = Groups(phonemes);
        var written = words ? phonemes.Words : null;
        var reports = WordAligner.Align(posteriors, phonemes.Ids, _model.Inventory, written is null ? [groups] : [groups, written]);
        var alignment = reports[0];
        double probability;
        bool match;
        if (_verdict is not null)
        {
            var features = Features(score, alignment, phonemes, posteriors, groups, matchLogits);
            rankKey = _verdict.Logit(features);
            probability = _verdict.Probability(rankKey);
            match = rankKey >= (options.Threshold ?? _verdict.ThresholdOf(options.Strictness));
        }
        else
        {
            rankKey = score;
            probability = _model.Calibration.Probability(score);
            match = ScoreMatches(score, options);
        }

        IReadOnlyList<WordScore>? wordScores = null;
        if (words)
        {
            var report = reports[^1];
            var tokens = phonemes.XSampa.Split(' ');
            wordScores = report.Words.Select(w =>
            {
                // The written word's tokens index the same sequence the logits belong to; read once, for the verdict and the answer.
                var wordLogit = matchLogits is null ? (double?)null : MatchingFigures.WordLogit(matchLogits, phonemes.Ids, _model.Inventory, w.Word);
                var (confidence, isMatch) = WordVerdict(w, wordLogit);
                return new WordScore(
                    w.Word.Text,
                    string.Join(' ', tokens[w.Word.Start..w.Word.End]),
                    Milliseconds(w.StartSeconds),
                    Milliseconds(w.EndSeconds),
                    confidence,
                    isMatch)
                {
                    Goodness = w.Goodness,
                    MatchLogit = wordLogit,
                };
            }).ToArray();
        }

        return new PairScore(score, probability, match)
        {
            AlignmentScore = alignment.Score,
            VerdictLogit = _verdict is null ? null : rankKey,
            Words = wordScores,
        };
    }

    /// <summary>What the verdict weighs for one pair (the matching terms only where the model's verdict reads them).</summary>
    private VerdictFeatures Features(
        double score, AlignmentReport alignment, PhoneticInput phonemes, PhonePosteriors posteriors, IReadOnlyList<TranscriptWord> groups, float[]? matchLogits)
    {
        var phones = PhoneCount(phonemes.Ids);
        var features = new VerdictFeatures(score, alignment, phones, posteriors.Steps * posteriors.StepSeconds);
        if (matchLogits is null)
        {
            return features;
        }

        return features with
        {
            Match = MatchingFigures.PairLogit(matchLogits, phonemes.Ids, _model.Inventory),
            MinWordMatch = groups.Count == 0 ? null : groups.Select(g => MatchingFigures.WordLogit(matchLogits, phonemes.Ids, _model.Inventory, g)).Min(),
        };
    }

    /// <summary>A word's confidence in [0, 1] and match: from its goodness alone (exp of it), or from the fitted word logit with a matching head.</summary>
    private (double Confidence, bool Match) WordVerdict(WordAlignment word, double? matchLogit)
    {
        if (_verdict is null)
        {
            return (word.Confidence, word.Goodness >= DefaultWordThreshold);
        }

        if (matchLogit is null || !_verdict.UsesMatching)
        {
            return (word.Confidence, _verdict.IsWordMatch(word.Goodness));
        }

        var logit = _verdict.WordLogit(word.Goodness, matchLogit);
        return (LogisticFitter.Sigmoid(logit), _verdict.IsWordLogitMatch(logit));
    }

    private int PhoneCount(long[] ids) => ids.Count(id => _model.Inventory[(int)id].Kind == PhonemeKind.Phone);

    /// <summary>Step times are multiples of the subsampled hop (e.g. 0.05 s): rounded to the millisecond so that 1.7 reads 1.7, not 1.7000000000000002.</summary>
    private static double? Milliseconds(double? seconds) => seconds is { } s ? Math.Round(s, 3) : null;

    /// <summary>Word goodness below which a word is unsupported when the package has no fitted word threshold (p = e^-1.5 ≈ 0.22).</summary>
    private const double DefaultWordThreshold = -1.5;

    /// <summary>The sequence's groups between word boundaries and pauses (espeak-ng's words).</summary>
    private IReadOnlyList<TranscriptWord> Groups(PhoneticInput phonemes) =>
        TranscriptWords.FromPhonemes(new PhonemeSequence(phonemes.Ids.Select(id => _model.Inventory[(int)id]).ToArray())).Words;
}
