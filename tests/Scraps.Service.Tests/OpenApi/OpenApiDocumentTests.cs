using System.Reflection;
using System.Text.Json.Nodes;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.OpenApi;

/// <summary>
/// The served OpenAPI document must equal the committed openapi/scraps.v1.json. After an intended API change,
/// regenerate it with <c>SCRAPS_UPDATE_OPENAPI=1 dotnet test tests/Scraps.Service.Tests</c> and commit the file.
/// </summary>
public sealed class OpenApiDocumentTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task The_served_document_equals_the_committed_one()
    {
        var client = factory.CreateClient();
        var served = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var committedPath = typeof(OpenApiDocumentTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "OpenApiDocument").Value!;

        if (Environment.GetEnvironmentVariable("SCRAPS_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(committedPath, served.ToJsonString(new() { WriteIndented = true }) + "\n");
        }

        Assert.True(File.Exists(committedPath), $"{committedPath} is missing; create it with SCRAPS_UPDATE_OPENAPI=1");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(committedPath))!;
        Assert.True(
            JsonNode.DeepEquals(served, committed),
            "the served OpenAPI document differs from openapi/scraps.v1.json; if the API change is intended, run "
            + "SCRAPS_UPDATE_OPENAPI=1 dotnet test tests/Scraps.Service.Tests and commit the file");
    }

    [Fact]
    public async Task Every_operation_documents_its_success_schema_and_problem_responses()
    {
        var client = factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;

        var paths = document["paths"]!.AsObject();
        Assert.Equal(
            [
                "/health/live", "/health/ready", "/metrics", "/v1/compare", "/v1/compare/multipart", "/v1/embed/acoustic",
                "/v1/embed/acoustic/multipart", "/v1/embed/phonetic", "/v1/model", "/v1/rank", "/v1/rank/multipart", "/v1/score",
                "/v1/score/matrix", "/v1/score/matrix/multipart", "/v1/score/multipart",
            ],
            paths.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var path in new[] { "/v1/score", "/v1/rank", "/v1/score/matrix", "/v1/compare", "/v1/embed/acoustic" })
        {
            foreach (var (operation, contentType) in new[] { (path, "application/json"), (path + "/multipart", "multipart/form-data") })
            {
                var post = paths[operation]!["post"]!;
                var content = post["requestBody"]!["content"]!.AsObject();
                Assert.Equal([contentType], content.Select(c => c.Key));
                foreach (var status in new[] { "200", "400", "413", "415", "422", "429", "500", "503" })
                {
                    Assert.True(post["responses"]![status] is not null, $"{operation} lacks {status}");
                }

                Assert.NotNull(post["responses"]!["429"]!["headers"]!["Retry-After"]);
                Assert.NotNull(post["responses"]!["200"]!["content"]!["application/json"]!["schema"]);
                Assert.NotNull(post["responses"]!["422"]!["content"]!["application/problem+json"]);
            }
        }
    }

    [Fact]
    public async Task Operation_ids_are_unique_and_head_probes_document_no_body()
    {
        var client = factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;

        var operations = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (Method: o.Key, Operation: o.Value!))).ToArray();
        var ids = operations.Select(o => o.Operation["operationId"]!.GetValue<string>()).ToArray();
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("LiveHead", ids);
        foreach (var (_, head) in operations.Where(o => o.Method == "head"))
        {
            Assert.All(head["responses"]!.AsObject(), r => Assert.Null(r.Value!["content"]));
        }
    }

    [Theory]
    [InlineData("ScoreRequest", "audio")]
    [InlineData("RankRequest", "audio")]
    [InlineData("ScoreMatrixRequest", "audios")]
    [InlineData("CompareRequest", "audio,reference")]
    [InlineData("AcousticEmbeddingRequest", "audio")]
    [InlineData("ScoreForm", "audio")]
    [InlineData("ScoreMatrixForm", "audio")]
    [InlineData("CompareForm", "audio,reference")]
    public async Task Request_schemas_require_their_audio_and_refuse_unknown_properties(string schemaName, string required)
    {
        var client = factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;

        var schema = document["components"]!["schemas"]![schemaName]!;
        Assert.Equal(required.Split(','), schema["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
        foreach (var name in required.Split(','))
        {
            var property = schema["properties"]![name]!;
            Assert.Null(property["nullable"]);
            var format = (property["items"] ?? property)["format"]!.GetValue<string>();
            Assert.Equal(schemaName.EndsWith("Form", StringComparison.Ordinal) ? "binary" : "byte", format);
        }
    }

    [Fact]
    public async Task Response_schemas_allow_fields_added_later_in_v1()
    {
        var client = factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;

        foreach (var name in new[] { "ScoreResponse", "ModelResponse", "WordResult", "RankResponse" })
        {
            Assert.Null(document["components"]!["schemas"]![name]!["additionalProperties"]);
        }
    }

    [Fact]
    public async Task Swagger_ui_is_served()
    {
        var client = factory.CreateClient();

        var page = await client.GetStringAsync("/swagger/index.html");

        Assert.Contains("swagger-ui", page, StringComparison.OrdinalIgnoreCase);
    }
}
