using Scraps.Model.Training;

namespace Scraps.Model.Tests.Training;

public class SupportLabelsTests
{
    // Tokens: 1 = word boundary (not a phone), 2 = stress (not a phone), 10+ = phones.
    private static bool IsPhone(int id) => id >= 10;

    private static long[] Labels(int[] nearMiss, int[] original)
    {
        var labels = new long[nearMiss.Length];
        SupportLabels.OfNearMiss(nearMiss, original, IsPhone, labels);
        return labels;
    }

    [Fact]
    public void A_close_word_marks_only_the_phone_that_changed()
    {
        // "s I t # 2 A n" with "t" replaced by "p" (sit -> sip).
        Assert.Equal([1L, 1, 0, -1, -1, 1, 1], Labels([10, 11, 13, 1, 2, 14, 15], [10, 11, 12, 1, 2, 14, 15]));
    }

    [Fact]
    public void An_inserted_word_is_unsupported_and_the_rest_supported()
    {
        Assert.Equal([1L, 1, -1, 0, 0, -1, 1, 1], Labels([10, 11, 1, 20, 21, 1, 14, 15], [10, 11, 1, 14, 15]));
    }

    [Fact]
    public void A_deleted_word_leaves_every_remaining_phone_supported()
    {
        Assert.Equal([1L, 1, -1, 1], Labels([10, 11, 1, 15], [10, 11, 1, 14, 1, 15]));
    }

    [Fact]
    public void The_transcript_itself_supports_its_phones()
    {
        var labels = new long[5];
        SupportLabels.OfTranscript([10, 2, 11, 1, 12], IsPhone, labels);
        Assert.Equal([1L, -1, 1, -1, 1], labels);
    }
}
