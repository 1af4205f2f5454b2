using System.Net;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.Api;

/// <summary>Configured limits: body size and matrix size (413), clip length (422).</summary>
public sealed class RequestLimitTests : IClassFixture<RequestLimitTests.SmallLimits>
{
    private readonly SmallLimits _factory;

    public RequestLimitTests(SmallLimits factory) => _factory = factory;

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var client = await _factory.CreateReadyClientAsync();

        using var response = await client.PostAsync("/v1/score", Requests.Json(new { audio = Convert.ToBase64String(TestClips.Speech), transcript = "hello" }));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "the limit is 20000 bytes");
    }

    [Fact]
    public async Task A_multipart_body_over_the_limit_is_413()
    {
        var client = await _factory.CreateReadyClientAsync();

        using var response = await client.PostAsync("/v1/embed/acoustic", Requests.Multipart(("audio", TestClips.Speech)));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "20000 bytes");
    }

    [Fact]
    public async Task A_matrix_over_the_configured_size_is_413()
    {
        var client = await _factory.CreateReadyClientAsync();
        var clip = Convert.ToBase64String(TestClips.Tone(0.15));

        using var response = await client.PostAsync("/v1/score/matrix", Requests.Json(new { audios = new[] { clip, clip }, transcripts = new[] { "a" } }));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "the limit is 1 clips");
    }

    [Fact]
    public async Task A_clip_over_the_configured_length_is_422()
    {
        var client = await _factory.CreateReadyClientAsync();

        using var response = await client.PostAsync("/v1/embed/acoustic", Requests.Multipart(("audio", TestClips.Tone(0.5))));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "the longest clip scored is 0.3 s");
    }

    public sealed class SmallLimits() : ServiceFactory(new Dictionary<string, string?>
    {
        ["Scraps:Limits:MaxRequestBytes"] = "20000",
        ["Scraps:Limits:MaxMatrixAudios"] = "1",
        ["Scraps:Limits:MaxAudioSeconds"] = "0.3",
    });
}
