using System.Net;
using System.Text.Json;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.Api;

public sealed class EmbeddingApiTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Acoustic_embedding_returns_the_vector_and_on_request_the_subsampled_steps()
    {
        var client = await factory.CreateReadyClientAsync();
        var tone = TestClips.Tone(1.0);

        var plain = await ReadAsync(await client.PostAsync("/v1/embed/acoustic", Requests.Json(new { audio = Convert.ToBase64String(tone) })));
        var withSequence = await ReadAsync(await client.PostAsync("/v1/embed/acoustic?sequence=true", Requests.Multipart(("audio", tone))));

        Assert.Equal(12, plain.GetProperty("dimension").GetInt32());
        Assert.Equal(12, plain.GetProperty("embedding").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("sequence").ValueKind);
        var sequence = withSequence.GetProperty("sequence");
        Assert.Equal(41, sequence.GetProperty("steps").GetInt32()); // 1 s = 81 frames, subsampled x2
        Assert.Equal(16, sequence.GetProperty("dimension").GetInt32());
        Assert.Equal(41, sequence.GetProperty("values").GetArrayLength());
        Assert.Equal(16, sequence.GetProperty("values")[0].GetArrayLength());
        Assert.Equal(
            plain.GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()),
            withSequence.GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()));
    }

    [Fact]
    public async Task Acoustic_embedding_decodes_flac()
    {
        var client = await factory.CreateReadyClientAsync();

        var body = await ReadAsync(await client.PostAsync("/v1/embed/acoustic", Requests.Multipart(("audio", TestClips.Flac))));

        Assert.True(body.GetProperty("audioSeconds").GetDouble() > 2);
    }

    [Fact]
    public async Task Phonetic_embedding_of_a_transcript_equals_that_of_its_phonemes()
    {
        var client = await factory.CreateReadyClientAsync();

        var text = await ReadAsync(await client.PostAsync("/v1/embed/phonetic?sequence=true", Requests.Json(new { transcript = "Hello, world." })));
        var phonemes = text.GetProperty("phonemes").GetString()!;
        var direct = await ReadAsync(await client.PostAsync("/v1/embed/phonetic", Requests.Json(new { phonemes })));

        Assert.Equal(phonemes.Split(' ').Length, text.GetProperty("sequence").GetProperty("steps").GetInt32());
        Assert.Equal(
            text.GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()),
            direct.GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()));
    }

    [Fact]
    public async Task Phonetic_embedding_takes_json_only()
    {
        var client = await factory.CreateReadyClientAsync();

        using var response = await client.PostAsync("/v1/embed/phonetic", Requests.Multipart(("transcript", "hello")));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "send application/json");
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
