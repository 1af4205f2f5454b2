using Scraps.Trainer.Fit;

namespace Scraps.Trainer.Tests.Fit;

public sealed class RetrievalValidationScorerTests
{
    [Fact]
    public void Averages_the_shared_metrics_over_the_minibatches()
    {
        // Batch 1: perfect (diagonal 10, rest 0). Batch 2: rows 0 and 1 swap their best clip.
        var perfect = new float[3, 3];
        for (var i = 0; i < 3; i++)
        {
            perfect[i, i] = 10;
        }

        float[,] swapped =
        {
            { 1, 5, 0 },
            { 5, 1, 0 },
            { 0, 0, 9 },
        };
        var figures = new RetrievalValidationScorer().Score([perfect, swapped]);

        // Swapped: recall 1/3 both ways; AUC: positives {1, 1, 9} vs negatives {5, 0, 5, 0, 0, 0}:
        // 1 beats 4 zeros (x2) + 9 beats all 6 -> 14 of 18.
        Assert.Equal((1 + 1.0 / 3) / 2, figures.RecallAt1PhoneticToAcoustic, 12);
        Assert.Equal((1 + 1.0 / 3) / 2, figures.RecallAt1AcousticToPhonetic, 12);
        Assert.Equal((1 + 14.0 / 18) / 2, figures.AucRoc, 12);
        Assert.Equal(0, Math.Min(figures.EqualErrorRate, 0));
    }
}
