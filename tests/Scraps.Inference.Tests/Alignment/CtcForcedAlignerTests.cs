using Scraps.Inference.Alignment;

namespace Scraps.Inference.Tests.Alignment;

public sealed class CtcForcedAlignerTests
{
    private const int Classes = 10;

    /// <summary>Log-probabilities that give each step's listed class 0.9 and spread the rest evenly.</summary>
    private static float[] Posteriors(params int[] best)
    {
        var values = new float[best.Length * Classes];
        for (var t = 0; t < best.Length; t++)
        {
            for (var c = 0; c < Classes; c++)
            {
                values[(t * Classes) + c] = (float)Math.Log(c == best[t] ? 0.9 : 0.1 / (Classes - 1));
            }
        }

        return values;
    }

    [Fact]
    public void Each_phone_gets_the_steps_where_the_model_hears_it()
    {
        // blank, 5, blank, 7, 7, blank, 5, blank
        var alignment = CtcForcedAligner.Align(Posteriors(0, 5, 0, 7, 7, 0, 5, 0), 8, Classes, [5, 7, 5])!;

        Assert.Equal([(1, 2), (3, 5), (6, 7)], alignment.Phones.Select(p => (p.StartStep, p.EndStep)));
        Assert.All(alignment.Phones, p => Assert.Equal(0, p.Goodness, 6));
        Assert.Equal(8 * Math.Log(0.9), alignment.LogLikelihood, 4);
    }

    [Fact]
    public void A_phone_the_audio_does_not_say_gets_a_low_goodness()
    {
        // The audio says 5 9 5; the transcript says 5 7 5.
        var alignment = CtcForcedAligner.Align(Posteriors(0, 5, 0, 9, 9, 0, 5, 0), 8, Classes, [5, 7, 5])!;

        Assert.Equal(0, alignment.Phones[0].Goodness, 6);
        Assert.Equal(Math.Log((0.1 / 9) / 0.9), alignment.Phones[1].Goodness, 4);
        Assert.Equal(0, alignment.Phones[2].Goodness, 6);
    }

    [Fact]
    public void A_repeated_phone_needs_a_blank_between_so_too_few_steps_give_no_alignment()
    {
        Assert.Null(CtcForcedAligner.Align(Posteriors(5, 5), 2, Classes, [5, 5]));
        var alignment = CtcForcedAligner.Align(Posteriors(5, 0, 5), 3, Classes, [5, 5])!;
        Assert.Equal([(0, 1), (2, 3)], alignment.Phones.Select(p => (p.StartStep, p.EndStep)));
        Assert.Null(CtcForcedAligner.Align(Posteriors(5, 7), 2, Classes, [5, 7, 5]));
    }

    [Fact]
    public void Only_the_valid_steps_are_read_and_bad_ids_are_refused()
    {
        var padded = Posteriors(0, 5, 0, 9, 9, 9);
        var alignment = CtcForcedAligner.Align(padded, 3, Classes, [5])!;
        Assert.Equal((1, 2), (alignment.Phones[0].StartStep, alignment.Phones[0].EndStep));
        Assert.Equal(3, alignment.Steps);

        Assert.Throws<ArgumentOutOfRangeException>(() => CtcForcedAligner.Align(padded, 3, Classes, [0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => CtcForcedAligner.Align(padded, 3, Classes, [Classes]));
        Assert.Throws<ArgumentException>(() => CtcForcedAligner.Align(padded, 7, Classes, [5]));
        Assert.Null(CtcForcedAligner.Align(padded, 3, Classes, []));
    }
}
