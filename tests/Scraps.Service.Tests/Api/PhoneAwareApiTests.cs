using System.Net;
using System.Text.Json;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.Api;

/// <summary>The service on a package with the CTC head: ?words=true and POST /v1/rank.</summary>
public sealed class PhoneAwareApiTests(PhoneAwareApiTests.HeadFactory factory) : IClassFixture<PhoneAwareApiTests.HeadFactory>
{
    private const string Transcript = "Alexa, end this call on my phone.";

    public sealed class HeadFactory() : ServiceFactory(null, modelPath: ServicePackage.WithHeadFolder);

    [Fact]
    public async Task Score_with_words_lists_every_word_in_order_with_its_span_confidence_and_match()
    {
        var client = await factory.CreateReadyClientAsync();

        var body = await ReadAsync(await client.PostAsync("/v1/score?words=true", Requests.Json(new { audio = Convert.ToBase64String(TestClips.Speech), transcript = Transcript })));
        var plain = await ReadAsync(await client.PostAsync("/v1/score", Requests.Multipart(("audio", TestClips.Speech), ("transcript", Transcript))));

        var words = body.GetProperty("words").EnumerateArray().ToArray();
        Assert.Equal(["Alexa", "end", "this", "call", "on", "my", "phone"], words.Select(w => w.GetProperty("word").GetString()));
        Assert.Equal("f \" oU n", words[^1].GetProperty("phonemes").GetString());
        foreach (var w in words)
        {
            Assert.True(w.GetProperty("start").GetDouble() < w.GetProperty("end").GetDouble());
            Assert.InRange(w.GetProperty("confidence").GetDouble(), 0, 1);
            Assert.True(w.GetProperty("match").ValueKind is JsonValueKind.True or JsonValueKind.False);
        }

        Assert.True(body.GetProperty("alignmentScore").GetDouble() <= 0);
        // Asking for words changes nothing else; without it there is no "words" field.
        Assert.Equal(plain.GetProperty("probability").GetDouble(), body.GetProperty("probability").GetDouble(), 9);
        Assert.False(plain.TryGetProperty("words", out _));
        Assert.Equal("service-test@0.2.0", body.GetProperty("model").GetString());
    }

    [Fact]
    public async Task Rank_returns_every_candidate_once_best_first_in_both_body_kinds()
    {
        var client = await factory.CreateReadyClientAsync();
        string[] candidates = ["Hello there.", Transcript, "Alexa, end this call on my home."];

        var json = await ReadAsync(await client.PostAsync("/v1/rank", Requests.Json(new { audio = Convert.ToBase64String(TestClips.Speech), transcripts = candidates })));
        var form = await ReadAsync(await client.PostAsync("/v1/rank", Requests.Multipart(
            ("audio", TestClips.Speech), ("transcript", candidates[0]), ("transcript", candidates[1]), ("transcript", candidates[2]))));

        var ranked = json.GetProperty("candidates").EnumerateArray().ToArray();
        Assert.Equal([0, 1, 2], ranked.Select(r => r.GetProperty("index").GetInt32()).Order());
        Assert.All(ranked, r => Assert.Equal(candidates[r.GetProperty("index").GetInt32()], r.GetProperty("candidate").GetString()));
        var probabilities = ranked.Select(r => r.GetProperty("probability").GetDouble()).ToArray();
        Assert.Equal(probabilities.OrderByDescending(p => p), probabilities);
        Assert.Equal(ranked.Select(r => r.GetProperty("index").GetInt32()), form.GetProperty("candidates").EnumerateArray().Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal(2.646, json.GetProperty("audioSeconds").GetDouble(), 3);
    }

    [Fact]
    public async Task Rank_and_words_refuse_bad_requests_with_problems()
    {
        var client = await factory.CreateReadyClientAsync();
        var audio = Convert.ToBase64String(TestClips.Speech);

        await ProblemAssert.IsProblemAsync(await client.PostAsync("/v1/rank", Requests.Json(new { audio, transcripts = Array.Empty<string>() })), HttpStatusCode.BadRequest, "at least one candidate");
        await ProblemAssert.IsProblemAsync(await client.PostAsync("/v1/rank", Requests.Json(new { audio })), HttpStatusCode.BadRequest, "transcripts");
        await ProblemAssert.IsProblemAsync(await client.PostAsync("/v1/rank", Requests.Json(new { audio, transcripts = new[] { "a" }, phonemes = new[] { "a" } })), HttpStatusCode.BadRequest, "not both");
        await ProblemAssert.IsProblemAsync(await client.PostAsync("/v1/rank", Requests.Json(new { audio, transcripts = new[] { "fine", " " } })), HttpStatusCode.UnprocessableEntity, "'transcripts[1]' is empty");
        await ProblemAssert.IsProblemAsync(await client.PostAsync("/v1/rank", Requests.Json(new { audio, transcripts = Enumerable.Repeat("a", 65).ToArray() })), HttpStatusCode.RequestEntityTooLarge, "limit is 64");
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
