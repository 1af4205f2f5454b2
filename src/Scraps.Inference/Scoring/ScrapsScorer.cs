using Scraps.Audio;
using Scraps.Inference.Encoders;
using Scraps.Inference.Runtime;
using Scraps.Phonetics;

namespace Scraps.Inference.Scoring;

/// <summary>
/// Every scoring operation of a model, implemented once on prepared inputs (the service and the CLI only map requests
/// and answers to it): score pairs (with the verdict and per-word answers when the model has the CTC head), rank
/// candidate transcripts, score N×M matrices, compare a clip with a reference, and embed. Inputs are prepared by
/// <see cref="Inputs"/>, pairs judged by <see cref="Verdicts"/>, and encodings run through <see cref="IScrapsEncoders"/>:
/// directly, or through the service's batchers. Thread-safe when its phonemizer is.
/// </summary>
public sealed class ScrapsScorer
{
    private readonly IScrapsEncoders _encoders;

    /// <param name="model">A loaded package.</param>
    /// <param name="phonemizer">Turns text into phonemes (espeak-ng with the package's voice); null when only X-SAMPA input is used.</param>
    /// <param name="encoders">How to run the encoders; null: directly on the caller's thread.</param>
    /// <param name="limits">What one input may be; null: the defaults.</param>
    public ScrapsScorer(ScrapsModel model, IPhonemizer? phonemizer, IScrapsEncoders? encoders = null, ScoringLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        _encoders = encoders ?? new DirectEncoders(model);
        Inputs = new ScoringInputs(model, phonemizer, limits);
        Verdicts = new PairVerdicts(model);
    }

    public ScrapsModel Model { get; }

    /// <summary>Audio and phonemes prepared within the limits.</summary>
    public ScoringInputs Inputs { get; }

    /// <summary>Scores, verdicts and per-word answers of encoded pairs.</summary>
    public PairVerdicts Verdicts { get; }

    /// <summary>True when the model has the CTC head: alignment verdicts and per-word answers.</summary>
    public bool HasAlignment => Model.Acoustic.HasPhoneLogProbs;

    /// <summary>True when encodings complete on the caller's thread (no batcher): the synchronous forms may be used.</summary>
    internal bool RunsDirectly => _encoders is DirectEncoders;

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
        var matching = Verdicts.MatchLogits(phonetic, acoustic);
        return acoustic.Select((a, i) => Verdicts.Judge(a, phonetic[i], phonemes[i], words, matching?[i], options ?? VerdictOptions.Default, out _)).ToArray();
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
        var matching = Verdicts.MatchLogits(phonetic, candidates.Select(_ => acoustic[0]).ToArray());
        return candidates
            .Select((c, i) =>
            {
                var score = Verdicts.Judge(acoustic[0], phonetic[i], c, words: false, matching?[i], VerdictOptions.Default, out var key);
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
        var textScore = phonemes is null ? null : Verdicts.Judge(acoustic[0], phonetic[0], phonemes, words: false, Verdicts.MatchLogits(phonetic, [acoustic[0]])?[0], VerdictOptions.Default, out _);
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
        var matching = acousticOutputs is null && Verdicts.HasMatching;
        if (matching)
        {
            wanted |= EncoderOutputs.PhoneFeatures;
        }

        var encoded = await _encoders.EncodeAsync(
            new EncodeRequest(clips, wanted, phonemes.Select(p => p.Ids).ToArray(), matching ? EncoderOutputs.Sequence : EncoderOutputs.Embedding),
            cancellationToken).ConfigureAwait(false);
        return (encoded.Acoustic, encoded.Phonetic);
    }
}
