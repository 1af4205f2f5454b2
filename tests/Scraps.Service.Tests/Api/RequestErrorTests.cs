using System.Net;
using System.Text;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.Api;

/// <summary>Every input problem class, as ProblemDetails with a detail that says what is wrong.</summary>
public sealed class RequestErrorTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private static readonly string Speech = Convert.ToBase64String(TestClips.Speech);

    [Fact]
    public async Task Malformed_json_is_400_with_the_parser_position()
    {
        var client = await factory.CreateReadyClientAsync();

        using var response = await client.PostAsync("/v1/score", new StringContent("{\"audio\": ", Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "not valid JSON");
    }

    [Theory]
    [InlineData("{\"transcript\": \"hello\"}", "field 'audio' (base64 audio) is missing")]
    [InlineData("{\"audio\": \"@@not-base64@@\", \"transcript\": \"hello\"}", "field 'audio' is not valid base64")]
    [InlineData("{\"audio\": \"AAAA\"}", "give 'transcript' (text) or 'phonemes'")]
    public async Task Missing_or_broken_fields_are_400_naming_the_field(string json, string detail)
    {
        var client = await factory.CreateReadyClientAsync();

        using var response = await client.PostAsync("/v1/score", new StringContent(json, Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, detail);
    }

    [Fact]
    public async Task Both_transcript_and_phonemes_is_400()
    {
        var client = await factory.CreateReadyClientAsync();

        using var response = await client.PostAsync("/v1/score", Requests.Json(new { audio = Speech, transcript = "hi", phonemes = "h aI" }));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "not both");
    }

    [Fact]
    public async Task A_missing_file_part_is_400()
    {
        var client = await factory.CreateReadyClientAsync();

        using var response = await client.PostAsync("/v1/score", Requests.Multipart(("transcript", "hello")));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "file part 'audio' is missing");
    }

    [Fact]
    public async Task Truncated_audio_is_400_with_the_decoder_detail()
    {
        var client = await factory.CreateReadyClientAsync();
        var truncated = TestClips.Speech[..30];

        using var response = await client.PostAsync("/v1/score", Requests.Multipart(("audio", truncated), ("transcript", "hello")));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "audio cannot be decoded");
    }

    [Fact]
    public async Task An_unsupported_content_type_is_415()
    {
        var client = await factory.CreateReadyClientAsync();

        using var response = await client.PostAsync("/v1/score", new StringContent("hello", Encoding.UTF8, "text/plain"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Content-Type 'text/plain");
    }

    [Fact]
    public async Task Audio_in_an_unknown_format_is_415()
    {
        var client = await factory.CreateReadyClientAsync();
        var notAudio = Encoding.ASCII.GetBytes("this is a text file and certainly not audio");

        using var response = await client.PostAsync("/v1/score", Requests.Json(new { audio = Convert.ToBase64String(notAudio), transcript = "hello" }));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "not recognised");
    }

    [Theory]
    [InlineData("   ", null, "'transcript' is empty")]
    [InlineData(null, "h @ q! zz", "'phonemes'")]
    [InlineData("....", null, "'transcript'")]
    public async Task Text_that_gives_no_scorable_phonemes_is_422(string? transcript, string? phonemes, string detail)
    {
        var client = await factory.CreateReadyClientAsync();

        using var response = await client.PostAsync("/v1/score", Requests.Json(new { audio = Speech, transcript, phonemes }));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, detail);
    }

    [Fact]
    public async Task Audio_shorter_than_the_minimum_is_422()
    {
        var client = await factory.CreateReadyClientAsync();

        using var response = await client.PostAsync("/v1/embed/acoustic", Requests.Multipart(("audio", TestClips.TooShort)));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "50 ms long; the shortest clip scored is 100 ms");
    }

    [Fact]
    public async Task Audio_longer_than_the_model_takes_is_422()
    {
        var client = await factory.CreateReadyClientAsync();

        using var response = await client.PostAsync("/v1/embed/acoustic", Requests.Multipart(("audio", TestClips.Tone(14))));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "14 s long; the longest clip scored is 12.79 s");
    }
}
