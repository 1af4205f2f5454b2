using Scraps.Model.Training;

namespace Scraps.Model.Tests.Training;

public class FrameTargetsTests
{
    [Fact]
    public void Each_step_takes_the_phone_at_its_centre_frame_with_blanks_between_and_padding_ignored()
    {
        // Phones 10 on frames [2, 8), 20 on [8, 9) (one frame: shorter than a step), 30 on [12, 16); 9 valid steps of stride 2.
        var row = new long[11];
        FrameTargets.Fill(row, steps: 9, stride: 2, spans: [2, 8, 8, 9, 12, 16], phoneIds: [10, 20, 30]);

        Assert.Equal([0L, 10, 10, 10, 20, 0, 30, 30, 0, FrameTargets.Ignore, FrameTargets.Ignore], row);
    }

    [Fact]
    public void A_repeated_phone_starts_with_a_blank_so_the_labels_stay_a_path_CTC_can_take()
    {
        var row = new long[8];
        FrameTargets.Fill(row, steps: 8, stride: 2, spans: [0, 6, 6, 12], phoneIds: [22, 22]);

        Assert.Equal([22L, 22, 22, 0, 22, 22, 0, 0], row);
    }

    [Fact]
    public void A_phone_too_short_for_a_free_step_keeps_no_step_rather_than_taking_its_neighbours()
    {
        var row = new long[4];
        FrameTargets.Fill(row, steps: 4, stride: 4, spans: [0, 5, 5, 6, 6, 16], phoneIds: [10, 20, 30]);

        Assert.Equal([10L, 10, 30, 30], row);
    }

    [Fact]
    public void Spans_that_do_not_match_the_phones_are_refused()
    {
        Assert.Throws<ArgumentException>(() => FrameTargets.Fill(new long[4], 4, 2, [0, 2], [10, 20]));
    }
}
