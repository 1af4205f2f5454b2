using System.Globalization;
using Scraps.Audio;
using Scraps.Inference.Alignment;
using Scraps.Inference.Calibration;
using Scraps.Inference.Encoders;
using Scraps.Inference.Runtime;
using Scraps.Phonetics;
using Scraps.Phonetics.Words;

namespace Scraps.Inference.Scoring;

/// <summary>
/// Every scoring operation of a model, implemented once on plain inputs (the service and the CLI only map requests
/// and answers to it): prepare audio and phonemes within <see cref="ScoringLimits"/>, score pairs (with the CTC
/// alignment verdict and per-word answers when the model has the head), rank candidate transcripts, score N×M
/// matrices, compare a clip with a reference, and embed. Encoding goes through <see cref="IScrapsEncoders"/>: directly,
/// or through the service's batchers. Thread-safe when its phonemizer is.
/// </summary>
public sealed class ScrapsScorer
{
    private readonly IPhonemizer? _phonemizer;
    private readonly LogMelExtractor _extractor;
    private readonly IScrapsEncoders _encoders;
    private readonly VerdictCalibration? _verdict;

    /// <param name="model">A loaded package.</param>
    /// <param name="phonemizer">Turns text into phonemes (espeak-ng with the package's voice); null when only X-SAMPA input is used.</param>
    /// <param name="encoders">How to run the encoders; null: directly on the caller's thread.</param>
    /// <param name="limits">What one input may be; null: the defaults.</param>
    public ScrapsScorer(ScrapsModel model, IPhonemizer? phonemizer, IScrapsEncoders? encoders = null, ScoringLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        _phonemizer = phonemizer;
        _encoders = encoders ?? new DirectEncoders(model);
        _extractor = new LogMelExtractor(model.Manifest.FrontEnd);
        _verdict = VerdictCalibration.FromManifest(model.Manifest);
        limits ??= new ScoringLimits();
        var frontEnd = model.Manifest.FrontEnd;
        var modelSeconds = (double)(model.Manifest.Architecture.MaxAcousticFrames - 1) * frontEnd.Hop / frontEnd.SampleRate;
        Limits = limits with { MaxAudioSeconds = Math.Min(limits.MaxAudioSeconds, modelSeconds) };
        // Decoding is bounded by the limit itself: containers that state their length are refused before decoding (a
        // precise message, no memory spent), others as soon as decoding passes it (the tolerance covers rounding).
        DecodeGuard = TimeSpan.FromSeconds(Limits.MaxAudioSeconds + 0.01);
    }

    public ScrapsModel Model { get; }

    /// <summary>The limits in force (the longest clip is also capped by the model's positional table).</summary>
    public ScoringLimits Limits { get; }

    /// <summary>The longest audio decoded before giving up.</summary>
    public TimeSpan DecodeGuard { get; }

    /// <summary>True when the model has the CTC head: alignment verdicts and per-word answers.</summary>
    public bool HasAlignment => Model.Acoustic.HasPhoneLogProbs;

    /// <summary>True when the model has a matching head and its verdict reads it.</summary>
    public bool HasMatching => Model.Matching is not null && _verdict?.UsesMatching == true;

    // ---- Inputs ----------------------------------------------------------------------------------------------

    /// <summary>Standardised log-mel features of mono 16 kHz samples.</summary>
    public LogMel FeaturesFromSamples(ReadOnlySpan<float> mono16k)
    {
        var features = _extractor.Compute(mono16k);
        Model.Standardizer.ApplyInPlace(features.Data);
        return features;
    }

    /// <summary>Standardised log-mel features of an encoded audio file's bytes (any supported format and rate).</summary>
    /// <exception cref="AudioFormatException">The bytes are not audio we can decode.</exception>
    public LogMel FeaturesFromBytes(ReadOnlySpan<byte> encodedAudio) => FeaturesFromSamples(AudioFrontEnd.LoadMono16k(encodedAudio));

    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="AudioFormatException">The file is not audio we can decode.</exception>
    public LogMel FeaturesFromFile(string path) => FeaturesFromSamples(AudioFrontEnd.LoadMono16kFile(RequireFile(path)));

    /// <summary><see cref="PrepareClip(ReadOnlySpan{byte}, string)"/> of a file's bytes.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public PreparedClip PrepareClipFile(string path, string field) => PrepareClip(File.ReadAllBytes(RequireFile(path)), field);

    private static string RequireFile(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"audio file not found: {path}", path);

    /// <summary>Decodes and checks a clip (length within <see cref="Limits"/>) and computes its standardised features.</summary>
    /// <param name="field">Names the clip in messages (a request field, a file).</param>
    /// <exception cref="AudioFormatException">Not audio we can decode.</exception>
    /// <exception cref="ScoringInputException">Too short or too long.</exception>
    public PreparedClip PrepareClip(ReadOnlySpan<byte> encodedAudio, string field)
    {
        DecodedAudio decoded;
        try
        {
            decoded = AudioDecoder.DecodeMono16k(encodedAudio, DecodeGuard);
        }
        catch (AudioTooLongException e)
        {
            throw new ScoringInputException(e.Seconds is { } s
                ? string.Create(CultureInfo.InvariantCulture, $"'{field}' is {s:0.##} s long; the longest clip scored is {Limits.MaxAudioSeconds:0.##} s")
                : string.Create(CultureInfo.InvariantCulture, $"'{field}' is longer than {Limits.MaxAudioSeconds:0.##} s, the longest clip scored"), e);
        }
        catch (AudioContentException e)
        {
            throw new ScoringInputException($"'{field}': {e.Message}", e);
        }

        CheckDuration(decoded.Seconds, field);
        return new PreparedClip(FeaturesFromSamples(decoded.Samples), decoded.Seconds)
        {
            Warnings = decoded.Warnings.Select(w => $"'{field}': {w}").ToArray(),
        };
    }

    /// <summary>Checks a clip's length against <see cref="Limits"/> and computes its features.</summary>
    /// <exception cref="ScoringInputException">Too short or too long.</exception>
    public PreparedClip PrepareClip(float[] mono16k, string field)
    {
        ArgumentNullException.ThrowIfNull(mono16k);
        var seconds = mono16k.Length / (double)AudioFrontEnd.SampleRate;
        CheckDuration(seconds, field);
        return new PreparedClip(FeaturesFromSamples(mono16k), seconds);
    }

    /// <summary>
    /// Phoneme ids in the package inventory for either a transcript (phonemised with the package's G2P) or an
    /// X-SAMPA string (space-separated). Exactly one must be given. With <paramref name="words"/>, also which tokens
    /// say which written word (or, for X-SAMPA, which group between boundaries).
    /// </summary>
    /// <exception cref="PhonemeInputException">Unknown phoneme, empty result, or text too long.</exception>
    /// <exception cref="ArgumentException">Neither or both inputs given, or text without a phonemizer.</exception>
    public PhoneticInput Phonemes(string? text, string? xsampa, bool words = false)
    {
        var hasText = !string.IsNullOrWhiteSpace(text);
        var hasPhonemes = !string.IsNullOrWhiteSpace(xsampa);
        if (hasText == hasPhonemes)
        {
            throw new ArgumentException("give either a transcript or X-SAMPA phonemes, not both or neither");
        }

        PhonemizedTranscript transcript;
        if (hasText)
        {
            if (_phonemizer is null)
            {
                throw new ArgumentException("this scorer has no phonemizer: send X-SAMPA phonemes instead of text");
            }

            // A phonemizer on another inventory is mapped through X-SAMPA (unknown tokens are reported).
            var native = _phonemizer.Inventory.IsEquivalentTo(Model.Inventory);
            if (words && native)
            {
                transcript = TranscriptWords.Phonemize(_phonemizer, text!);
            }
            else
            {
                var produced = _phonemizer.Phonemize(text!);
                transcript = new PhonemizedTranscript(native ? produced : XSampaParser.Parse(produced.ToXSampa(), Model.Inventory), []);
            }
        }
        else
        {
            transcript = TranscriptWords.FromPhonemes(XSampaParser.Parse(xsampa!, Model.Inventory));
        }

        var ids = Array.ConvertAll(transcript.Sequence.ToIds(), id => (long)id);
        return new PhoneticInput(ids, transcript.Sequence.ToXSampa()) { Words = words ? transcript.Words : null };
    }

    /// <summary>
    /// Checks a transcript or phoneme string against <see cref="Limits"/> and the model and turns it into phoneme ids.
    /// </summary>
    /// <param name="field">Names the input in messages (e.g. "transcript", "candidates[2]").</param>
    /// <exception cref="ScoringInputException">Empty, too long, unknown phonemes, nothing to say, or more phonemes than the model takes.</exception>
    public PhoneticInput PreparePhonemes(string? value, bool isPhonemes, string field, bool words = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ScoringInputException($"'{field}' is empty");
        }

        if (value.Length > Limits.MaxTranscriptCharacters)
        {
            throw new ScoringInputException($"'{field}' has {value.Length} characters; the limit is {Limits.MaxTranscriptCharacters}");
        }

        PhoneticInput input;
        try
        {
            input = isPhonemes ? Phonemes(null, value, words) : Phonemes(value, null, words);
        }
        catch (PhonemeInputException e)
        {
            throw new ScoringInputException($"'{field}': {e.Message}", e);
        }

        var max = Model.Manifest.Architecture.MaxPositions;
        if (input.Length > max)
        {
            throw new ScoringInputException($"'{field}' gives {input.Length} phonemes; this model takes at most {max}");
        }

        return input;
    }

    // ---- Operations ------------------------------------------------------------------------------------------

    /// <summary>Scores clip i against phoneme sequence i, for every i; with <paramref name="words"/>, per-word answers too.</summary>
    /// <exception cref="ScoringInputException">Per-word answers asked of a model without the CTC head.</exception>
    public async Task<PairScore[]> ScorePairsAsync(
        IReadOnlyList<LogMel> clips, IReadOnlyList<PhoneticInput> phonemes, bool words = false, CancellationToken cancellationToken = default, VerdictOptions? options = null)
    {
        if (clips.Count != phonemes.Count)
        {
            throw new ArgumentException($"pairs need as many clips as phoneme sequences, got {clips.Count} and {phonemes.Count}");
        }

        RequireAlignment(words);
        var (acoustic, phonetic) = await EncodeAsync(clips, phonemes, cancellationToken).ConfigureAwait(false);
        var matching = MatchLogits(phonetic, acoustic);
        return acoustic.Select((a, i) => Verdict(a, phonetic[i], phonemes[i], words, matching?[i], options ?? VerdictOptions.Default, out _)).ToArray();
    }

    public async Task<PairScore> ScoreAsync(LogMel clip, PhoneticInput phonemes, bool words = false, CancellationToken cancellationToken = default, VerdictOptions? options = null) =>
        (await ScorePairsAsync([clip], [phonemes], words, cancellationToken, options).ConfigureAwait(false))[0];

    /// <summary>
    /// One clip against candidate transcripts (ASR n-best, pronunciation variants): candidates sorted best first, by
    /// the verdict's logit when the model has the CTC head, else by the raw score.
    /// </summary>
    public async Task<RankedCandidate[]> RankAsync(LogMel clip, IReadOnlyList<PhoneticInput> candidates, CancellationToken cancellationToken = default)
    {
        if (candidates.Count == 0)
        {
            throw new ArgumentException("a ranking needs at least one candidate");
        }

        var (acoustic, phonetic) = await EncodeAsync([clip], candidates, cancellationToken).ConfigureAwait(false);
        var matching = MatchLogits(phonetic, candidates.Select(_ => acoustic[0]).ToArray());
        return candidates
            .Select((c, i) =>
            {
                var score = Verdict(acoustic[0], phonetic[i], c, words: false, matching?[i], VerdictOptions.Default, out var key);
                return (Candidate: new RankedCandidate(i, c, score), Key: key);
            })
            .OrderByDescending(x => x.Key)
            .ThenBy(x => x.Candidate.Index)
            .Select(x => x.Candidate)
            .ToArray();
    }

    /// <summary>Every clip (rows) against every phoneme sequence (columns), with row and column softmax of the raw scores.</summary>
    public async Task<ScoreMatrixResult> ScoreMatrixAsync(IReadOnlyList<LogMel> clips, IReadOnlyList<PhoneticInput> phonemes, CancellationToken cancellationToken = default)
    {
        if (clips.Count == 0 || phonemes.Count == 0)
        {
            throw new ArgumentException($"a score matrix needs at least one clip and one phoneme sequence, got {clips.Count} and {phonemes.Count}");
        }

        var (acoustic, phonetic) = await EncodeAsync(clips, phonemes, cancellationToken, EncoderOutputs.Embedding).ConfigureAwait(false);
        var scores = acoustic.Select(a => phonetic.Select(t => VectorMath.Dot(a.Embedding, t.Embedding)).ToArray()).ToArray();
        return new ScoreMatrixResult(scores, VectorMath.RowSoftmax(scores), VectorMath.ColumnSoftmax(scores));
    }

    /// <summary>
    /// A clip against a reference clip (paper 4.8): dot product and cosine of their acoustic vectors, and, when
    /// <paramref name="phonemes"/> is given, the clip's score against it.
    /// </summary>
    public async Task<AudioComparison> CompareAsync(LogMel clip, LogMel reference, PhoneticInput? phonemes = null, CancellationToken cancellationToken = default)
    {
        // Without text nothing reads the posteriors: ask for embeddings only (as the matrix does).
        var (acoustic, phonetic) = await EncodeAsync([clip, reference], phonemes is null ? [] : [phonemes], cancellationToken,
            phonemes is null ? EncoderOutputs.Embedding : null).ConfigureAwait(false);
        var textScore = phonemes is null ? null : Verdict(acoustic[0], phonetic[0], phonemes, words: false, MatchLogits(phonetic, [acoustic[0]])?[0], VerdictOptions.Default, out _);
        return new AudioComparison(
            VectorMath.Dot(acoustic[0].Embedding, acoustic[1].Embedding),
            VectorMath.Cosine(acoustic[0].Embedding, acoustic[1].Embedding),
            textScore,
            phonemes);
    }

    public async Task<EncoderOutput[]> EmbedAcousticAsync(IReadOnlyList<LogMel> clips, bool withSequences = false, CancellationToken cancellationToken = default) =>
        (await _encoders.EncodeAsync(EncodeRequest.AcousticOnly(clips, withSequences ? EncoderOutputs.Sequence : EncoderOutputs.Embedding), cancellationToken).ConfigureAwait(false)).Acoustic;

    public async Task<EncoderOutput[]> EmbedPhoneticAsync(IReadOnlyList<PhoneticInput> phonemes, bool withSequences = false, CancellationToken cancellationToken = default) =>
        (await _encoders.EncodeAsync(
            EncodeRequest.PhoneticOnly(phonemes.Select(p => p.Ids).ToArray(), withSequences ? EncoderOutputs.Sequence : EncoderOutputs.Embedding),
            cancellationToken).ConfigureAwait(false)).Phonetic;

    // Synchronous forms for callers on their own threads (CLI jobs); the work is the same.

    public PairScore[] ScorePairs(IReadOnlyList<LogMel> clips, IReadOnlyList<PhoneticInput> phonemes, CancellationToken cancellationToken = default) =>
        ScorePairs(clips, phonemes, words: false, cancellationToken);

    public PairScore[] ScorePairs(IReadOnlyList<LogMel> clips, IReadOnlyList<PhoneticInput> phonemes, bool words, CancellationToken cancellationToken = default, VerdictOptions? options = null) =>
        ScorePairsAsync(clips, phonemes, words, cancellationToken, options).GetAwaiter().GetResult();

    public ScoreMatrixResult ScoreMatrix(IReadOnlyList<LogMel> clips, IReadOnlyList<PhoneticInput> phonemes, CancellationToken cancellationToken = default) =>
        ScoreMatrixAsync(clips, phonemes, cancellationToken).GetAwaiter().GetResult();

    public AudioComparison Compare(LogMel clip, LogMel reference, PhoneticInput? phonemes = null, CancellationToken cancellationToken = default) =>
        CompareAsync(clip, reference, phonemes, cancellationToken).GetAwaiter().GetResult();

    public EncoderOutput[] EmbedAcoustic(IReadOnlyList<LogMel> clips, bool withSequences = false, CancellationToken cancellationToken = default) =>
        EmbedAcousticAsync(clips, withSequences, cancellationToken).GetAwaiter().GetResult();

    public EncoderOutput[] EmbedPhonetic(IReadOnlyList<PhoneticInput> phonemes, bool withSequences = false, CancellationToken cancellationToken = default) =>
        EmbedPhoneticAsync(phonemes, withSequences, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Score-only calibration of one pair of SCRAPS vectors (acoustic, phonetic): what a model without the head answers.</summary>
    public PairScore ScoreVectors(ReadOnlySpan<float> acoustic, ReadOnlySpan<float> phonetic)
    {
        var score = VectorMath.Dot(acoustic, phonetic);
        return new PairScore(score, Model.Calibration.Probability(score), Model.Calibration.IsMatch(score));
    }

    /// <summary>
    /// What the verdict weighs for a pair already encoded (the acoustic side with its posteriors, and with its phone
    /// features and the phonetic side's states when <paramref name="matchLogits"/> are given).
    /// </summary>
    public VerdictFeatures Measure(EncoderOutput acoustic, EncoderOutput phonetic, PhoneticInput phonemes, float[]? matchLogits)
    {
        var posteriors = acoustic.PhoneLogProbs ?? throw new InvalidOperationException("measuring a pair needs the CTC posteriors");
        var groups = Groups(phonemes);
        var alignment = WordAligner.Align(posteriors, phonemes.Ids, Model.Inventory, groups);
        return Features(VectorMath.Dot(acoustic.Embedding, phonetic.Embedding), alignment, phonemes, posteriors, groups, matchLogits);
    }

    /// <summary>The matching logits of pairs already encoded with <see cref="EncoderOutputs.PhoneFeatures"/> and sequences; null without a head.</summary>
    public float[][]? MatchLogitsOf(IReadOnlyList<EncoderOutput> phonetic, IReadOnlyList<EncoderOutput> acoustic) =>
        Model.Matching is not null && phonetic.Count > 0 && phonetic[0].Sequence is not null && acoustic[0].PhoneFeatures is not null
            ? Model.Matching.Logits(phonetic, acoustic)
            : null;

    /// <summary>The CTC alignment of a phoneme sequence to a clip's posteriors, with the given words (default: its groups).</summary>
    public AlignmentReport Align(PhonePosteriors posteriors, PhoneticInput phonemes, IReadOnlyList<TranscriptWord>? words = null) =>
        WordAligner.Align(posteriors, phonemes.Ids, Model.Inventory, words ?? Groups(phonemes));

    // ---- Internals -------------------------------------------------------------------------------------------

    private void CheckDuration(double seconds, string field)
    {
        if (seconds * 1000 < Limits.MinAudioMilliseconds)
        {
            throw new ScoringInputException(string.Create(
                CultureInfo.InvariantCulture,
                $"'{field}' is {seconds * 1000:0.#} ms long; the shortest clip scored is {Limits.MinAudioMilliseconds} ms"));
        }

        if (seconds > Limits.MaxAudioSeconds)
        {
            throw new ScoringInputException(string.Create(
                CultureInfo.InvariantCulture,
                $"'{field}' is {seconds:0.##} s long; the longest clip scored is {Limits.MaxAudioSeconds:0.##} s"));
        }
    }

    private void RequireAlignment(bool words)
    {
        if (words && !HasAlignment)
        {
            throw new ScoringInputException(
                $"model {Model.Manifest.Name} {Model.Manifest.Version} has no CTC head, so it cannot answer per word; use a model trained with one (scraps-en-base 0.4.0 or later)");
        }
    }

    /// <summary>Encodes clips (with the CTC posteriors when the model has the head) and phoneme sequences, both at once.</summary>
    private async Task<(EncoderOutput[] Acoustic, EncoderOutput[] Phonetic)> EncodeAsync(
        IReadOnlyList<LogMel> clips, IReadOnlyList<PhoneticInput> phonemes, CancellationToken cancellationToken, EncoderOutputs? acousticOutputs = null)
    {
        var wanted = acousticOutputs ?? (HasAlignment ? EncoderOutputs.PhoneLogProbs : EncoderOutputs.Embedding);
        var matching = acousticOutputs is null && HasMatching;
        if (matching)
        {
            wanted |= EncoderOutputs.PhoneFeatures;
        }

        var encoded = await _encoders.EncodeAsync(
            new EncodeRequest(clips, wanted, phonemes.Select(p => p.Ids).ToArray(), matching ? EncoderOutputs.Sequence : EncoderOutputs.Embedding),
            cancellationToken).ConfigureAwait(false);
        return (encoded.Acoustic, encoded.Phonetic);
    }

    /// <summary>The matching head's per-token logits of each (transcript, clip) pair; null when the verdict does not read them.</summary>
    private float[][]? MatchLogits(IReadOnlyList<EncoderOutput> phonetic, IReadOnlyList<EncoderOutput> acoustic) =>
        HasMatching && phonetic.Count > 0 && phonetic[0].Sequence is not null && acoustic[0].PhoneFeatures is not null
            ? Model.Matching!.Logits(phonetic, acoustic)
            : null;

    /// <summary>The match of a model without a verdict: a caller's threshold applies to the score calibration's logit.</summary>
    private bool ScoreMatches(double score, VerdictOptions options) =>
        options.Threshold is { } own ? (Model.Calibration.A * score) + Model.Calibration.B >= own : Model.Calibration.IsMatch(score);

    /// <summary>Score, alignment, probability and match of one pair; <paramref name="rankKey"/> orders candidates.</summary>
    private PairScore Verdict(
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
        var reports = WordAligner.Align(posteriors, phonemes.Ids, Model.Inventory, written is null ? [groups] : [groups, written]);
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
            probability = Model.Calibration.Probability(score);
            match = ScoreMatches(score, options);
        }

        IReadOnlyList<WordScore>? wordScores = null;
        if (words)
        {
            var report = reports[^1];
            var tokens = phonemes.XSampa.Split(' ');
            wordScores = report.Words.Select(w =>
            {
                var (confidence, isMatch) = WordVerdict(w, matchLogits, phonemes.Ids);
                return new WordScore(
                    w.Word.Text,
                    string.Join(' ', tokens[w.Word.Start..w.Word.End]),
                    Milliseconds(w.StartSeconds),
                    Milliseconds(w.EndSeconds),
                    confidence,
                    isMatch);
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
            Match = MatchingFigures.PairLogit(matchLogits, phonemes.Ids, Model.Inventory),
            MinWordMatch = groups.Count == 0 ? null : groups.Select(g => MatchingFigures.WordLogit(matchLogits, phonemes.Ids, Model.Inventory, g)).Min(),
        };
    }

    /// <summary>A word's confidence in [0, 1] and match: from its goodness alone (exp of it), or from the fitted word logit with a matching head.</summary>
    private (double Confidence, bool Match) WordVerdict(WordAlignment word, float[]? matchLogits, long[] ids)
    {
        if (_verdict is null)
        {
            return (word.Confidence, word.Goodness >= DefaultWordThreshold);
        }

        if (matchLogits is null || !_verdict.UsesMatching)
        {
            return (word.Confidence, _verdict.IsWordMatch(word.Goodness));
        }
        // The written word's tokens index the same sequence the logits belong to.
        var logit = _verdict.WordLogit(word.Goodness, MatchingFigures.WordLogit(matchLogits, ids, Model.Inventory, word.Word));
        return (LogisticFitter.Sigmoid(logit), _verdict.IsWordLogitMatch(logit));
    }

    private int PhoneCount(long[] ids) => ids.Count(id => Model.Inventory[(int)id].Kind == PhonemeKind.Phone);

    /// <summary>Step times are multiples of the subsampled hop (e.g. 0.05 s): rounded to the millisecond so that 1.7 reads 1.7, not 1.7000000000000002.</summary>
    private static double? Milliseconds(double? seconds) => seconds is { } s ? Math.Round(s, 3) : null;

    /// <summary>Word goodness below which a word is unsupported when the package has no fitted word threshold (p = e^-1.5 ≈ 0.22).</summary>
    private const double DefaultWordThreshold = -1.5;

    /// <summary>The sequence's groups between word boundaries and pauses (espeak-ng's words).</summary>
    private IReadOnlyList<TranscriptWord> Groups(PhoneticInput phonemes) =>
        TranscriptWords.FromPhonemes(new PhonemeSequence(phonemes.Ids.Select(id => Model.Inventory[(int)id]).ToArray())).Words;
}
