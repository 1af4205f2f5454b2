using Scraps.Inference.Alignment;
using Scraps.Inference.Encoders;
using Scraps.Phonetics;
using Scraps.Phonetics.Words;

namespace Scraps.Inference.Tests.Alignment;

public class WordAlignerTests
{
    private static readonly PhonemeInventory Inventory = PhonemeInventory.EnglishUs;

    private static int Id(string xsampa) => Inventory.TryGetByXSampa(xsampa, out var s) ? s.Id : throw new ArgumentException(xsampa);

    /// <summary>Log-probabilities where each step's class (0 = blank) has probability 0.9 and the rest share 0.1.</summary>
    private static PhonePosteriors Posteriors(params int[] best)
    {
        var classes = Inventory.Count;
        var values = new float[best.Length * classes];
        for (var t = 0; t < best.Length; t++)
        {
            for (var c = 0; c < classes; c++)
            {
                values[(t * classes) + c] = (float)Math.Log(c == best[t] ? 0.9 : 0.1 / (classes - 1));
            }
        }
        return new PhonePosteriors(values, best.Length, classes, 0.025);
    }

    [Fact]
    public void A_function_word_said_in_its_weak_form_keeps_its_goodness()
    {
        // "you are": j u: A:r\ written; the audio says j u: then an r-coloured schwa.
        long[] ids = [Id("j"), Id("u:"), Id("#"), Id("A:r\\")];
        var words = new TranscriptWord[] { new("you", 0, 2), new("are", 3, 4) };
        var posteriors = Posteriors(0, Id("j"), Id("u:"), Id("u:"), 0, Id("@`"), Id("@`"), 0);

        var report = WordAligner.Align(posteriors, ids, Inventory, words);

        Assert.True(report.Words[1].Goodness > -0.5, $"are: {report.Words[1].Goodness}");
    }

    [Fact]
    public void A_content_word_said_wrongly_is_not_excused()
    {
        // "bean" written, "keen" said: no weak form covers it.
        long[] ids = [Id("b"), Id("i:"), Id("n")];
        var posteriors = Posteriors(0, Id("k"), Id("i:"), Id("i:"), Id("n"), 0);

        var report = WordAligner.Align(posteriors, ids, Inventory, [new TranscriptWord("bean", 0, 3)]);

        Assert.True(report.Words[0].Goodness < -1.5, $"bean: {report.Words[0].Goodness}");
    }

    [Fact]
    public void Speech_the_transcript_leaves_out_is_counted_as_unexplained()
    {
        long[] ids = [Id("b"), Id("i:"), Id("n")];
        var posteriors = Posteriors(Id("b"), Id("i:"), Id("n"), 0, Id("k"), Id("eI"), Id("k"), 0);

        var report = WordAligner.Align(posteriors, ids, Inventory, [new TranscriptWord("bean", 0, 3)]);

        Assert.Equal(3.0 / 8, report.Unexplained, 6);
    }
}
