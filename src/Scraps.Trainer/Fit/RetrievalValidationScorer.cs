using Scraps.Inference.Evaluation;
using Scraps.Model.Training;

namespace Scraps.Trainer.Fit;

/// <summary>The training loop's validation figures from the shared evaluation metrics (the same code as `scraps eval`).</summary>
internal sealed class RetrievalValidationScorer : IValidationScorer
{
    public ValidationFigures Score(IReadOnlyList<float[,]> scoreMatrices)
    {
        var summary = RetrievalSummary.Aggregate(scoreMatrices.Select(RetrievalMetrics.Compute).ToArray());
        return new ValidationFigures(
            summary.AucRoc.Estimate,
            summary.EqualErrorRate.Estimate,
            summary.EerThreshold.Estimate,
            summary.RecallAt1PhoneticToAcoustic.Estimate,
            summary.RecallAt1AcousticToPhonetic.Estimate);
    }
}
