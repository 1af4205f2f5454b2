namespace Scraps.Inference.Evaluation;

/// <summary>
/// The paper's in-batch evaluation of one minibatch: from the square score matrix L = T·Aᵀ (rows phonetic,
/// columns acoustic, matched pairs on the diagonal), AUC-ROC and EER of matched (diagonal) against
/// mismatched (off-diagonal) pairs, and recall@1 in both retrieval directions.
/// </summary>
public static class RetrievalMetrics
{
    public static RetrievalFigures Compute(float[,] scores)
    {
        var n = ScoreMatrix.ValidateSquare(scores);
        var (matched, mismatched) = ScoreMatrix.Split(scores, n);
        var eer = BinaryScoreMetrics.EqualErrorRate(matched, mismatched);
        return new RetrievalFigures(
            BatchSize: n,
            AucRoc: BinaryScoreMetrics.AucRoc(matched, mismatched),
            EqualErrorRate: eer.Rate,
            EerThreshold: eer.Threshold,
            RecallAt1PhoneticToAcoustic: RecallAtOne.PhoneticToAcoustic(scores),
            RecallAt1AcousticToPhonetic: RecallAtOne.AcousticToPhonetic(scores));
    }
}

/// <summary>The in-batch figures of one score matrix (rates in [0, 1]; the threshold in raw score units).</summary>
public sealed record RetrievalFigures(
    int BatchSize,
    double AucRoc,
    double EqualErrorRate,
    double EerThreshold,
    double RecallAt1PhoneticToAcoustic,
    double RecallAt1AcousticToPhonetic);
