using Scraps.Audio;
using Scraps.Inference.Encoders;

namespace Scraps.Inference.Scoring;

/// <summary>
/// Synchronous forms of <see cref="ScrapsScorer"/>'s operations for callers on their own threads (CLI jobs, exports),
/// whose scorer runs the encoders directly: the tasks are then complete when returned, so nothing blocks on
/// asynchronous work. A scorer over the service's batchers must be awaited, and is refused here.
/// </summary>
public static class ScrapsScorerSync
{
    public static PairScore[] ScorePairs(this ScrapsScorer scorer, IReadOnlyList<LogMel> clips, IReadOnlyList<PhoneticInput> phonemes, CancellationToken cancellationToken = default) =>
        scorer.ScorePairs(clips, phonemes, words: false, cancellationToken);

    public static PairScore[] ScorePairs(
        this ScrapsScorer scorer, IReadOnlyList<LogMel> clips, IReadOnlyList<PhoneticInput> phonemes, bool words, CancellationToken cancellationToken = default, VerdictOptions? options = null) =>
        Run(scorer, scorer.ScorePairsAsync(clips, phonemes, words, cancellationToken, options));

    public static ScoreMatrixResult ScoreMatrix(this ScrapsScorer scorer, IReadOnlyList<LogMel> clips, IReadOnlyList<PhoneticInput> phonemes, CancellationToken cancellationToken = default) =>
        Run(scorer, scorer.ScoreMatrixAsync(clips, phonemes, cancellationToken));

    public static AudioComparison Compare(this ScrapsScorer scorer, LogMel clip, LogMel reference, PhoneticInput? phonemes = null, CancellationToken cancellationToken = default) =>
        Run(scorer, scorer.CompareAsync(clip, reference, phonemes, cancellationToken));

    public static EncoderOutput[] EmbedAcoustic(this ScrapsScorer scorer, IReadOnlyList<LogMel> clips, bool withSequences = false, CancellationToken cancellationToken = default) =>
        Run(scorer, scorer.EmbedAcousticAsync(clips, withSequences, cancellationToken));

    public static EncoderOutput[] EmbedPhonetic(this ScrapsScorer scorer, IReadOnlyList<PhoneticInput> phonemes, bool withSequences = false, CancellationToken cancellationToken = default) =>
        Run(scorer, scorer.EmbedPhoneticAsync(phonemes, withSequences, cancellationToken));

    private static T Run<T>(ScrapsScorer scorer, Task<T> operation)
    {
        if (!scorer.RunsDirectly)
        {
            throw new InvalidOperationException("the synchronous forms are for scorers that run the encoders directly; await the operation instead");
        }

        return operation.GetAwaiter().GetResult();
    }
}
