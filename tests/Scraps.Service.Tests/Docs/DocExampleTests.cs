using System.Net;
using System.Text.Json.Nodes;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.Docs;

/// <summary>
/// The JSON that docs/client.md shows is what the service answers: each marked example has the fields and shapes of
/// a real answer to the request above it (numbers may differ). A changed API fails here, not in a reader's code.
/// </summary>
public sealed class DocExampleTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private const string Client = "docs/client.md";

    [Theory]
    [InlineData("docs/client.md")]
    [InlineData("README.md")]
    public void Every_json_example_is_marked_so_that_a_test_checks_it(string file)
    {
        var blocks = DocExamples.Blocks(file);

        Assert.NotEmpty(blocks);
        Assert.All(blocks, b => Assert.True(b.Name is not null, $"{file}:{b.Line}: a ```json block without '<!-- example: NAME -->' above it is checked by nothing"));
        Assert.All(blocks, b => DocExamples.Parse(b.Json));
    }

    [Fact]
    public async Task The_test_model_examples_have_the_shape_of_the_answers()
    {
        var client = await factory.CreateReadyClientAsync();
        var speech = TestClips.Speech;
        var other = TestClips.Read("flite_16k_pcm16.wav");

        await AssertExampleAsync("score", client.PostAsync("/v1/score/multipart", Requests.Multipart(("audio", speech), ("transcript", "Hello there."))));
        await AssertExampleAsync("score-matrix", client.PostAsync("/v1/score/matrix/multipart", Requests.Multipart(
            ("audio", speech), ("audio", other), ("transcript", "Hello there."), ("transcript", "Good night."))));
        await AssertExampleAsync("embed-acoustic", client.PostAsync("/v1/embed/acoustic/multipart?sequence=true", Requests.Multipart(("audio", speech))));
        await AssertExampleAsync("embed-phonetic", client.PostAsync("/v1/embed/phonetic", Requests.Json(new { transcript = "Hello there." })));
        await AssertExampleAsync("compare", client.PostAsync("/v1/compare/multipart", Requests.Multipart(("audio", speech), ("reference", other), ("transcript", "Hello there."))));
        await AssertExampleAsync("live", client.GetAsync("/health/live"));
        await AssertExampleAsync("ready", client.GetAsync("/health/ready"));
        await AssertExampleAsync("problem-too-short", client.PostAsync("/v1/score/multipart", Requests.Multipart(("audio", TestClips.TooShort), ("transcript", "Hello there."))), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task The_problem_example_has_the_detail_as_written_and_a_w3c_trace_id()
    {
        var client = await factory.CreateReadyClientAsync();

        using var response = await client.PostAsync("/v1/score/multipart", Requests.Multipart(("audio", TestClips.TooShort), ("transcript", "Hello there.")));
        var text = await response.Content.ReadAsStringAsync();
        var example = DocExamples.Example(Client, "problem-too-short");

        // The detail reads as the docs print it ('audio', not \u0027audio\u0027), and the trace id is the W3C form ("00-...").
        Assert.Contains(example["detail"]!.GetValue<string>(), text, StringComparison.Ordinal);
        Assert.StartsWith("00-", JsonNode.Parse(text)!["traceId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("00-", example["traceId"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_loading_example_has_the_shape_of_the_answer_while_the_model_loads()
    {
        await using var loading = new ServiceFactory(null, gated: true, holdLoading: true);
        var client = loading.CreateClient();

        await AssertExampleAsync("problem-loading", client.GetAsync("/health/ready"), HttpStatusCode.ServiceUnavailable);
        loading.Gates.FinishLoading();
    }

    [Fact]
    public async Task The_bundled_model_examples_have_the_shape_of_its_answers()
    {
        await using var bundled = new ServiceFactory(null, modelPath: Path.Combine(DocExamples.RepositoryRoot, "models", "scraps-en-base"));
        var client = await bundled.CreateReadyClientAsync();
        var speech = TestClips.Speech;

        await AssertExampleAsync("score-words", client.PostAsync("/v1/score/multipart?words=true", Requests.Multipart(("audio", speech), ("transcript", "Alexa, end this call on my home."))));
        await AssertExampleAsync("rank", client.PostAsync("/v1/rank/multipart", Requests.Multipart(
            ("audio", speech), ("transcript", "Alexa, end this call on my home."), ("transcript", "Play some music."))));
    }

    private static async Task AssertExampleAsync(string name, Task<HttpResponseMessage> call, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{name}: {(int)response.StatusCode} {text}");
        JsonShape.AssertSame($"{Client} example '{name}'", DocExamples.Example(Client, name), JsonNode.Parse(text)!);
    }
}
