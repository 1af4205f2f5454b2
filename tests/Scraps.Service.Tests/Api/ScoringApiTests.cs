using System.Net;
using System.Text.Json;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.Api;

public sealed class ScoringApiTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private const string Transcript = "Alexa, end this call on my phone.";

    [Fact]
    public async Task Score_with_base64_json_returns_the_calibrated_score_of_the_pair()
    {
        var client = await factory.CreateReadyClientAsync();

        using var response = await client.PostAsync("/v1/score", Requests.Json(new { audio = Convert.ToBase64String(TestClips.Speech), transcript = Transcript }));

        var body = await ReadAsync(response);
        var score = body.GetProperty("score").GetDouble();
        var probability = body.GetProperty("probability").GetDouble();
        Assert.Equal(1 / (1 + Math.Exp(-((0.5 * score) - 0.25))), probability, 9);
        Assert.Equal(score >= 0.5, body.GetProperty("match").GetBoolean());
        Assert.Contains("|,", body.GetProperty("phonemes").GetString(), StringComparison.Ordinal);
        Assert.Equal(2.646, body.GetProperty("audioSeconds").GetDouble(), 3);
        Assert.Equal("service-test@0.1.0", body.GetProperty("model").GetString());
    }

    [Fact]
    public async Task Score_with_a_multipart_file_equals_the_json_result_and_phonemes_round_trip()
    {
        var client = await factory.CreateReadyClientAsync();

        var json = await ReadAsync(await client.PostAsync("/v1/score", Requests.Json(new { audio = Convert.ToBase64String(TestClips.Speech), transcript = Transcript })));
        var form = await ReadAsync(await client.PostAsync("/v1/score", Requests.Multipart(("audio", TestClips.Speech), ("transcript", Transcript))));
        var phonemes = json.GetProperty("phonemes").GetString()!;
        var byPhonemes = await ReadAsync(await client.PostAsync("/v1/score", Requests.Multipart(("audio", TestClips.Speech), ("phonemes", phonemes))));

        Assert.Equal(json.GetProperty("score").GetDouble(), form.GetProperty("score").GetDouble(), 5);
        Assert.Equal(json.GetProperty("score").GetDouble(), byPhonemes.GetProperty("score").GetDouble(), 5);
        Assert.Equal(phonemes, byPhonemes.GetProperty("phonemes").GetString());
    }

    [Fact]
    public async Task Score_matrix_scores_every_clip_against_every_transcript_with_both_softmaxes()
    {
        var client = await factory.CreateReadyClientAsync();
        string[] transcripts = [Transcript, "Do I have any appointments?", "Hello there."];
        var clips = new[] { TestClips.Speech, TestClips.Tone(1.2) };

        var matrix = await ReadAsync(await client.PostAsync("/v1/score/matrix", Requests.Json(new
        {
            audios = clips.Select(Convert.ToBase64String).ToArray(),
            transcripts,
        })));
        var single = await ReadAsync(await client.PostAsync("/v1/score", Requests.Json(new { audio = Convert.ToBase64String(clips[1]), transcript = transcripts[2] })));

        var scores = Rows(matrix, "scores");
        var rows = Rows(matrix, "rowSoftmax");
        var columns = Rows(matrix, "columnSoftmax");
        Assert.Equal(2, scores.Length);
        Assert.All(scores, row => Assert.Equal(3, row.Length));
        Assert.All(rows, row => Assert.Equal(1, row.Sum(), 9));
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(1, columns.Sum(row => row[c]), 9);
        }

        Assert.Equal(single.GetProperty("score").GetDouble(), scores[1][2], 4);
        Assert.Equal(3, matrix.GetProperty("phonemes").GetArrayLength());
        Assert.Equal(1.2, matrix.GetProperty("audioSeconds")[1].GetDouble(), 3);
    }

    [Fact]
    public async Task Score_matrix_takes_repeated_multipart_parts_in_order()
    {
        var client = await factory.CreateReadyClientAsync();

        var matrix = await ReadAsync(await client.PostAsync("/v1/score/matrix", Requests.Multipart(
            ("audio", TestClips.Tone(0.5)), ("audio", TestClips.Speech), ("audio", TestClips.Flac), ("transcript", "Hello."), ("transcript", Transcript))));

        var scores = Rows(matrix, "scores");
        Assert.Equal(3, scores.Length);
        Assert.All(scores, row => Assert.Equal(2, row.Length));
        Assert.Equal(0.5, matrix.GetProperty("audioSeconds")[0].GetDouble(), 3);
    }

    [Fact]
    public async Task Compare_gives_the_acoustic_score_and_cosine_and_the_transcript_score_when_asked()
    {
        var client = await factory.CreateReadyClientAsync();
        var speech = Convert.ToBase64String(TestClips.Speech);

        var self = await ReadAsync(await client.PostAsync("/v1/compare", Requests.Json(new { audio = speech, reference = speech })));
        var other = await ReadAsync(await client.PostAsync("/v1/compare", Requests.Multipart(
            ("audio", TestClips.Speech), ("reference", TestClips.Tone(1)), ("transcript", Transcript))));
        var direct = await ReadAsync(await client.PostAsync("/v1/score", Requests.Json(new { audio = speech, transcript = Transcript })));

        Assert.Equal(1, self.GetProperty("cosine").GetDouble(), 5);
        Assert.True(self.GetProperty("score").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Null, self.GetProperty("transcript").ValueKind);
        Assert.True(other.GetProperty("cosine").GetDouble() < 1);
        Assert.Equal(direct.GetProperty("score").GetDouble(), other.GetProperty("transcript").GetProperty("score").GetDouble(), 5);
        Assert.Equal(1, other.GetProperty("referenceSeconds").GetDouble(), 3);
    }

    [Fact]
    public async Task Asking_for_words_from_a_model_without_the_ctc_head_is_a_422_that_says_why()
    {
        var client = await factory.CreateReadyClientAsync();

        using var response = await client.PostAsync("/v1/score?words=true", Requests.Json(new { audio = Convert.ToBase64String(TestClips.Speech), transcript = Transcript }));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "has no CTC head");
    }

    [Fact]
    public async Task A_threshold_of_the_callers_moves_the_match_and_leaves_score_and_probability_alone()
    {
        var client = await factory.CreateReadyClientAsync();
        var body = Requests.Json(new { audio = Convert.ToBase64String(TestClips.Speech), transcript = Transcript });
        var plain = await ReadAsync(await client.PostAsync("/v1/score", body));
        var p = plain.GetProperty("probability").GetDouble();
        var logit = Math.Log(p / (1 - p));
        var invariant = System.Globalization.CultureInfo.InvariantCulture;

        var below = await ReadAsync(await client.PostAsync($"/v1/score?threshold={(logit - 0.1).ToString(invariant)}", Requests.Json(new { audio = Convert.ToBase64String(TestClips.Speech), transcript = Transcript })));
        var above = await ReadAsync(await client.PostAsync($"/v1/score?threshold={(logit + 0.1).ToString(invariant)}&strictness=lenient", Requests.Json(new { audio = Convert.ToBase64String(TestClips.Speech), transcript = Transcript })));

        Assert.True(below.GetProperty("match").GetBoolean());
        Assert.False(above.GetProperty("match").GetBoolean());
        Assert.Equal(p, above.GetProperty("probability").GetDouble(), 9);
        Assert.Equal(plain.GetProperty("score").GetDouble(), below.GetProperty("score").GetDouble(), 5);
    }

    [Theory]
    [InlineData("strictness=severe", "strictness")]
    [InlineData("threshold=NaN", "finite")]
    [InlineData("threshold=high", "threshold")]
    public async Task A_bad_operating_point_is_a_400_that_names_the_parameter(string query, string detail)
    {
        var client = await factory.CreateReadyClientAsync();

        using var response = await client.PostAsync($"/v1/score?{query}", Requests.Json(new { audio = Convert.ToBase64String(TestClips.Speech), transcript = Transcript }));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, detail);
    }

    private static double[][] Rows(JsonElement body, string name) =>
        body.GetProperty(name).EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();

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
