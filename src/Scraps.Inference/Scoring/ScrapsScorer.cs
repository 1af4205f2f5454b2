using Scraps.Audio;
using Scraps.Inference.Encoders;
using Scraps.Inference.Runtime;
using Scraps.Phonetics;

namespace Scraps.Inference.Scoring;

/// <summary>
/// The model's user-facing operations on top of the encoders: prepare audio and phonemes, embed them, score pairs,
/// score N×M matrices and compare a clip with a reference clip. Thread-safe when its phonemizer is.
/// </summary>
public sealed class ScrapsScorer
{
    private readonly IPhonemizer? phonemizer;
    private readonly LogMelExtractor extractor;

    /// <param name="model">A loaded package.</param>
    /// <param name="phonemizer">Turns text into phonemes (espeak-ng with the package's voice); null when only X-SAMPA input is used.</param>
    public ScrapsScorer(ScrapsModel model, IPhonemizer? phonemizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        this.phonemizer = phonemizer;
        extractor = new LogMelExtractor(model.Manifest.FrontEnd);
    }

    public ScrapsModel Model { get; }

    /// <summary>Standardised log-mel features of mono 16 kHz samples.</summary>
    public LogMel FeaturesFromSamples(ReadOnlySpan<float> mono16k)
    {
        var features = extractor.Compute(mono16k);
        Model.Standardizer.ApplyInPlace(features.Data);
        return features;
    }

    /// <summary>Standardised log-mel features of an encoded audio file's bytes (any supported format and rate).</summary>
    /// <exception cref="AudioFormatException">The bytes are not audio we can decode.</exception>
    public LogMel FeaturesFromBytes(ReadOnlySpan<byte> encodedAudio) => FeaturesFromSamples(AudioFrontEnd.LoadMono16k(encodedAudio));

    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="AudioFormatException">The file is not audio we can decode.</exception>
    public LogMel FeaturesFromFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"audio file not found: {path}", path);
        }

        return FeaturesFromSamples(AudioFrontEnd.LoadMono16kFile(path));
    }

    /// <summary>
    /// Phoneme ids in the package inventory for either a transcript (phonemised with the package's G2P) or an
    /// X-SAMPA string (space-separated). Exactly one must be given.
    /// </summary>
    /// <exception cref="PhonemeInputException">Unknown phoneme, empty result, or text too long.</exception>
    /// <exception cref="ArgumentException">Neither or both inputs given, or text without a phonemizer.</exception>
    public PhoneticInput Phonemes(string? text, string? xsampa)
    {
        var hasText = !string.IsNullOrWhiteSpace(text);
        var hasPhonemes = !string.IsNullOrWhiteSpace(xsampa);
        if (hasText == hasPhonemes)
        {
            throw new ArgumentException("give either a transcript or X-SAMPA phonemes, not both or neither");
        }

        PhonemeSequence sequence;
        if (hasText)
        {
            if (phonemizer is null)
            {
                throw new ArgumentException("this scorer has no phonemizer: send X-SAMPA phonemes instead of text");
            }

            var produced = phonemizer.Phonemize(text!);

            // A phonemizer on another inventory is mapped through X-SAMPA (unknown tokens are reported).
            sequence = phonemizer.Inventory.IsEquivalentTo(Model.Inventory)
                ? produced
                : XSampaParser.Parse(produced.ToXSampa(), Model.Inventory);
        }
        else
        {
            sequence = XSampaParser.Parse(xsampa!, Model.Inventory);
        }

        var ids = Array.ConvertAll(sequence.ToIds(), id => (long)id);
        return new PhoneticInput(ids, sequence.ToXSampa());
    }

    public EncoderOutput[] EmbedAcoustic(IReadOnlyList<LogMel> clips, bool withSequences = false, CancellationToken cancellationToken = default) =>
        Model.Acoustic.Encode(clips, withSequences, cancellationToken);

    public EncoderOutput[] EmbedPhonetic(IReadOnlyList<PhoneticInput> phonemes, bool withSequences = false, CancellationToken cancellationToken = default) =>
        Model.Phonetic.Encode(phonemes.Select(p => p.Ids).ToArray(), withSequences, cancellationToken);

    /// <summary>Score, probability and decision for one pair of SCRAPS vectors (acoustic, phonetic).</summary>
    public PairScore ScoreVectors(ReadOnlySpan<float> acoustic, ReadOnlySpan<float> phonetic)
    {
        var score = VectorMath.Dot(acoustic, phonetic);
        return new PairScore(score, Model.Calibration.Probability(score), Model.Calibration.IsMatch(score));
    }

    /// <summary>Scores clip i against phoneme sequence i, for every i.</summary>
    public PairScore[] ScorePairs(IReadOnlyList<LogMel> clips, IReadOnlyList<PhoneticInput> phonemes, CancellationToken cancellationToken = default)
    {
        if (clips.Count != phonemes.Count)
        {
            throw new ArgumentException($"pairs need as many clips as phoneme sequences, got {clips.Count} and {phonemes.Count}");
        }

        var acoustic = EmbedAcoustic(clips, cancellationToken: cancellationToken);
        var phonetic = EmbedPhonetic(phonemes, cancellationToken: cancellationToken);
        return acoustic.Select((a, i) => ScoreVectors(a.Embedding, phonetic[i].Embedding)).ToArray();
    }

    /// <summary>Every clip (rows) against every phoneme sequence (columns), with row and column softmax.</summary>
    public ScoreMatrixResult ScoreMatrix(IReadOnlyList<LogMel> clips, IReadOnlyList<PhoneticInput> phonemes, CancellationToken cancellationToken = default)
    {
        if (clips.Count == 0 || phonemes.Count == 0)
        {
            throw new ArgumentException($"a score matrix needs at least one clip and one phoneme sequence, got {clips.Count} and {phonemes.Count}");
        }

        var acoustic = EmbedAcoustic(clips, cancellationToken: cancellationToken);
        var phonetic = EmbedPhonetic(phonemes, cancellationToken: cancellationToken);
        var scores = acoustic.Select(a => phonetic.Select(t => VectorMath.Dot(a.Embedding, t.Embedding)).ToArray()).ToArray();
        return new ScoreMatrixResult(scores, VectorMath.RowSoftmax(scores), VectorMath.ColumnSoftmax(scores));
    }

    /// <summary>
    /// A clip against a reference clip (paper 4.8): dot product and cosine of their acoustic vectors, and, when
    /// <paramref name="phonemes"/> is given, the clip's calibrated score against it.
    /// </summary>
    public AudioComparison Compare(LogMel clip, LogMel reference, PhoneticInput? phonemes = null, CancellationToken cancellationToken = default)
    {
        var acoustic = EmbedAcoustic([clip, reference], cancellationToken: cancellationToken);
        PairScore? textScore = null;
        if (phonemes is not null)
        {
            var phonetic = EmbedPhonetic([phonemes], cancellationToken: cancellationToken);
            textScore = ScoreVectors(acoustic[0].Embedding, phonetic[0].Embedding);
        }

        return new AudioComparison(
            VectorMath.Dot(acoustic[0].Embedding, acoustic[1].Embedding),
            VectorMath.Cosine(acoustic[0].Embedding, acoustic[1].Embedding),
            textScore,
            phonemes);
    }
}
