using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.Api;

/// <summary>
/// Each body kind has its own operation (JSON at /v1/score, multipart at /v1/score/multipart...), the JSON paths keep
/// reading multipart for clients written before, and unknown fields are refused as the schemas say.
/// </summary>
public sealed class BodyOperationTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private static readonly string Speech = Convert.ToBase64String(TestClips.Speech);

    [Fact]
    public async Task The_multipart_operation_scores_as_the_json_one_does()
    {
        var client = await factory.CreateReadyClientAsync();

        using var json = await client.PostAsync("/v1/score", Requests.Json(new { audio = Speech, transcript = "hello world" }));
        using var form = await client.PostAsync("/v1/score/multipart", Requests.Multipart(("audio", TestClips.Speech), ("transcript", "hello world")));

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var a = await json.Content.ReadFromJsonAsync<JsonElement>();
        var b = await form.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(a.GetProperty("score").GetDouble(), b.GetProperty("score").GetDouble(), 5);
    }

    [Fact]
    public async Task Multipart_sent_to_a_json_path_still_works_for_existing_clients()
    {
        var client = await factory.CreateReadyClientAsync();

        using var response = await client.PostAsync("/v1/rank", Requests.Multipart(("audio", TestClips.Speech), ("transcript", "hello"), ("transcript", "goodbye")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/v1/score/multipart", "/v1/score")]
    [InlineData("/v1/score/matrix/multipart", "/v1/score/matrix")]
    [InlineData("/v1/embed/acoustic/multipart", "/v1/embed/acoustic")]
    public async Task Json_sent_to_a_multipart_operation_is_415_naming_the_json_operation(string path, string jsonPath)
    {
        var client = await factory.CreateReadyClientAsync();

        using var response = await client.PostAsync(path, Requests.Json(new { audio = Speech, transcript = "hello" }));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, $"JSON with base64 audio goes to {jsonPath}");
    }

    [Fact]
    public async Task An_unknown_json_field_is_400_naming_it_and_the_fields_there_are()
    {
        var client = await factory.CreateReadyClientAsync();

        using var response = await client.PostAsync(
            "/v1/score", new StringContent($$"""{"audio": "{{Speech}}", "transcipt": "hello"}""", Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(
            response, HttpStatusCode.BadRequest, "field 'transcipt' is not part of this request; its fields are 'audio', 'transcript' and 'phonemes'");
    }

    [Theory]
    [InlineData("/v1/score/multipart")]
    [InlineData("/v1/score")]
    public async Task An_unknown_multipart_part_is_400_naming_it(string path)
    {
        var client = await factory.CreateReadyClientAsync();

        using var response = await client.PostAsync(path, Requests.Multipart(("audio", TestClips.Speech), ("transcripts", "hello")));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "part 'transcripts' is not part of this request");
    }
}
