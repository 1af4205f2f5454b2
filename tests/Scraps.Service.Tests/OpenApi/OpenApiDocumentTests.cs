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
            ["/health/live", "/health/ready", "/metrics", "/v1/compare", "/v1/embed/acoustic", "/v1/embed/phonetic", "/v1/model", "/v1/rank", "/v1/score", "/v1/score/matrix"],
            paths.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var path in new[] { "/v1/score", "/v1/rank", "/v1/score/matrix", "/v1/compare", "/v1/embed/acoustic" })
        {
            var post = paths[path]!["post"]!;
            Assert.NotNull(post["requestBody"]!["content"]!["application/json"]);
            Assert.NotNull(post["requestBody"]!["content"]!["multipart/form-data"]);
            foreach (var status in new[] { "200", "400", "413", "415", "422", "429", "500", "503" })
            {
                Assert.True(post["responses"]![status] is not null, $"{path} lacks {status}");
            }

            Assert.NotNull(post["responses"]!["429"]!["headers"]!["Retry-After"]);
            Assert.NotNull(post["responses"]!["200"]!["content"]!["application/json"]!["schema"]);
            Assert.NotNull(post["responses"]!["422"]!["content"]!["application/problem+json"]);
        }

        var form = document["components"]!["schemas"]!["ScoreForm"]!["properties"]!["audio"]!;
        Assert.Equal("binary", form["format"]!.GetValue<string>());
    }

    [Fact]
    public async Task Swagger_ui_is_served()
    {
        var client = factory.CreateClient();

        var page = await client.GetStringAsync("/swagger/index.html");

        Assert.Contains("swagger-ui", page, StringComparison.OrdinalIgnoreCase);
    }
}
