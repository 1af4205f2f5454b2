using Scraps.Inference.Evaluation;

namespace Scraps.Inference.Tests.Evaluation;

public sealed class RecallAtOneTests
{
    [Fact]
    public void Counts_rows_and_columns_whose_match_scores_best()
    {
        // Rows: 0 hit (5 > 1, 2); 1 miss (4 > 3); 2 hit.  Columns: 0 hit (5 > 4, 0); 1 miss (6 > 3); 2 hit (9).
        float[,] scores =
        {
            { 5, 1, 2 },
            { 4, 3, 0 },
            { 0, 6, 9 },
        };
        Assert.Equal(2.0 / 3, RecallAtOne.PhoneticToAcoustic(scores), 12);
        Assert.Equal(2.0 / 3, RecallAtOne.AcousticToPhonetic(scores), 12);
    }

    [Fact]
    public void The_two_directions_differ_when_one_clip_attracts_every_text()
    {
        // Clip 0 is the best for every text: rows hit only at 0; column-wise, every clip still prefers its own text.
        float[,] scores =
        {
            { 9, 0, 0 },
            { 8, 1, 0 },
            { 8, 0, 1 },
        };
        Assert.Equal(1.0 / 3, RecallAtOne.PhoneticToAcoustic(scores), 12);
        Assert.Equal(1.0, RecallAtOne.AcousticToPhonetic(scores), 12);
    }

    [Fact]
    public void A_tie_counts_as_the_expected_hit_of_a_random_tie_break()
    {
        float[,] constant = { { 1, 1, 1, 1 }, { 1, 1, 1, 1 }, { 1, 1, 1, 1 }, { 1, 1, 1, 1 } };
        Assert.Equal(0.25, RecallAtOne.PhoneticToAcoustic(constant), 12);
        Assert.Equal(0.25, RecallAtOne.AcousticToPhonetic(constant), 12);

        // Row 0 ties its match with one other (1/2), row 1 is a clean hit.
        float[,] scores = { { 2, 2 }, { 0, 1 } };
        Assert.Equal(0.75, RecallAtOne.PhoneticToAcoustic(scores), 12);
    }

    [Fact]
    public void Rejects_a_matrix_that_is_not_square()
    {
        var e = Assert.Throws<ArgumentException>(() => RecallAtOne.PhoneticToAcoustic(new float[2, 3]));
        Assert.Contains("2 x 3", e.Message);
    }
}
