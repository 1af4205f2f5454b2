namespace Scraps.Model.Training;

/// <summary>
/// Turns the validation score matrices (one per minibatch; rows phonetic, columns acoustic, matched pairs on
/// the diagonal) into the reported figures. The trainer host supplies the shared evaluation metrics.
/// </summary>
public interface IValidationScorer
{
    ValidationFigures Score(IReadOnlyList<float[,]> scoreMatrices);
}

/// <summary>In-batch AUC-ROC, EER (with its threshold) and recall@1 in both directions, each averaged over the minibatches.</summary>
public sealed record ValidationFigures(
    double AucRoc, double EqualErrorRate, double EerThreshold, double RecallAt1PhoneticToAcoustic, double RecallAt1AcousticToPhonetic);
