using Scraps.Model.Training;
using TorchSharp;

namespace Scraps.Model.Tests.Training;

public sealed class GreedyPhoneErrorsTests
{
    [Fact]
    public void The_greedy_phone_error_rate_merges_repeats_drops_blanks_and_counts_edits()
    {
        TorchTestEnvironment.EnsureCpu();
        using var scope = torch.NewDisposeScope();
        // Item 0 decodes [5, 5, _, 5, 7] -> 5 5 7 against 5 7 (one insertion); item 1 (2 steps) decodes 9 against 8 9 (one deletion).
        long[][] best = [[5, 5, 0, 5, 7], [9, 9, 4, 4, 4]];
        var logProbs = torch.full([2, 5, 12], -10f);
        for (var b = 0; b < 2; b++)
        {
            for (var t = 0; t < 5; t++)
            {
                logProbs[b, t, best[b][t]] = torch.tensor(0f);
            }
        }

        var (errors, phones) = GreedyPhoneErrors.Count(logProbs, torch.tensor(new long[] { 5, 2 }), [5, 7, 8, 9], [2, 2]);
        Assert.Equal((2L, 4L), (errors, phones));
    }
}
