using System.Net;
using Scraps.Client.Tests.Support;

namespace Scraps.Client.Tests.Http;

/// <summary>Per-word scores and ranking through the typed client, against a service whose model has the CTC head.</summary>
public sealed class PhoneAwareClientTests(ReadyHeadService service) : IClassFixture<ReadyHeadService>
{
    private const string Transcript = "Alexa, end this call on my phone.";

    [Fact]
    public async Task Score_with_words_returns_every_word_with_span_confidence_and_match()
    {
        using var provider = ClientProvider.For(service);

        var result = await provider.Client.ScoreWithWordsAsync(new ScoreRequest { Audio = Clips.Speech, Transcript = Transcript });
        var plain = await provider.Client.ScoreAsync(new ScoreRequest { Audio = Clips.Speech, Transcript = Transcript });

        Assert.Equal(["Alexa", "end", "this", "call", "on", "my", "phone"], result.Words!.Select(w => w.Word));
        Assert.All(result.Words!, w => Assert.True(w.Start < w.End && w.Confidence is >= 0 and <= 1));
        Assert.NotNull(result.AlignmentScore);
        Assert.Null(plain.Words);
        Assert.Equal(plain.Probability, result.Probability, 9);
    }

    [Fact]
    public async Task Rank_returns_the_candidates_best_first_and_a_bad_one_is_a_typed_422()
    {
        using var provider = ClientProvider.For(service);

        var ranked = await provider.Client.RankAsync(new RankRequest { Audio = Clips.Speech, Transcripts = ["Hello there.", Transcript] });

        Assert.Equal([0, 1], ranked.Candidates.Select(c => c.Index).Order());
        Assert.True(ranked.Candidates[0].Probability >= ranked.Candidates[1].Probability);
        var error = await Assert.ThrowsAsync<ScrapsApiException>(() => provider.Client.RankAsync(new RankRequest { Audio = Clips.Speech, Transcripts = ["fine", ""] }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.Contains("'transcripts[1]' is empty", error.Problem?.Detail);
    }
}
