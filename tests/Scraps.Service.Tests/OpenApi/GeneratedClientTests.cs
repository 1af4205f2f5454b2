using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.OpenApi;

/// <summary>
/// Users of other stacks generate clients from openapi/scraps.v1.json. NSwag's C# client, generated from the
/// committed document, compiles and calls every operation (JSON and multipart bodies) against the real service.
/// </summary>
public sealed class GeneratedClientTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task An_nswag_client_generated_from_the_committed_document_calls_every_operation()
    {
        var documentPath = typeof(GeneratedClientTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "OpenApiDocument").Value!;
        var calls = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "OpenApi", "Generated", "GeneratedClientCalls.cs"));
        var assembly = GeneratedClient.Compile(await GeneratedClient.GenerateAsync(documentPath), calls);
        var http = await factory.CreateReadyClientAsync();

        var run = assembly.GetType($"{GeneratedClient.Namespace}.GeneratedClientCalls")!.GetMethod("CallEveryOperationAsync")!;
        var answers = await (Task<Dictionary<string, object>>)run.Invoke(null, [http, TestClips.Speech, TestClips.Read("flite_16k_pcm16.wav")])!;
        var json = answers.ToDictionary(a => a.Key, a => JsonSerializer.SerializeToNode(a.Value, a.Value.GetType())!);

        var operationIds = JsonNode.Parse(await File.ReadAllTextAsync(documentPath))!["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => o.Value!["operationId"]!.GetValue<string>()));
        Assert.Empty(operationIds.Except(answers.Keys));

        // The multipart operations answer what their JSON twins answer.
        Assert.Equal(Number(json["Score"], "score"), Number(json["ScoreMultipart"], "score"), 5);
        Assert.InRange(Number(json["Score"], "probability"), 0, 1);
        Assert.False(string.IsNullOrWhiteSpace(json["Score"]["phonemes"]!.GetValue<string>()));
        Assert.Equal(
            json["Rank"]["candidates"]!.AsArray().Select(c => c!["candidate"]!.GetValue<string>()),
            json["RankMultipart"]["candidates"]!.AsArray().Select(c => c!["candidate"]!.GetValue<string>()));
        Assert.Equal(2, json["ScoreMatrix"]["scores"]!.AsArray().Count);
        Assert.True(JsonNode.DeepEquals(json["ScoreMatrix"]["scores"], json["ScoreMatrixMultipart"]["scores"]));
        Assert.Equal(Number(json["Compare"], "cosine"), Number(json["CompareMultipart"], "cosine"), 5);
        Assert.NotNull(json["Compare"]["transcript"]!["score"]);
        Assert.True(JsonNode.DeepEquals(json["EmbedAcoustic"]["embedding"], json["EmbedAcousticMultipart"]["embedding"]));
        Assert.Equal(Number(json["EmbedPhonetic"], "dimension"), json["EmbedPhonetic"]["embedding"]!.AsArray().Count);
        Assert.NotNull(json["EmbedPhonetic"]["sequence"]);
        Assert.Equal("service-test", json["GetModel"]["name"]!.GetValue<string>());
        Assert.Equal("alive", json["Live"]["status"]!.GetValue<string>());
        Assert.Equal("ready", json["Ready"]["status"]!.GetValue<string>());
        Assert.Contains("scraps_", json["Metrics"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(422, (int)Number(json["ScoreProblem"], "status"));
        Assert.Contains("'transcript' is empty", json["ScoreProblem"]["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(json["ScoreLowThreshold"]["match"]!.GetValue<bool>());
        Assert.False(json["ScoreHighThreshold"]["match"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_generated_client_calls_a_service_with_keys_by_the_documents_bearer_scheme()
    {
        const string key = "generated-client-key-0123456789";
        await using var keyed = new ServiceFactory(new Dictionary<string, string?> { ["Scraps:ApiKeys:Keys:0"] = key });
        var documentPath = typeof(GeneratedClientTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "OpenApiDocument").Value!;
        var calls = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "OpenApi", "Generated", "GeneratedClientCalls.cs"));
        var assembly = GeneratedClient.Compile(await GeneratedClient.GenerateAsync(documentPath), calls);
        var http = await keyed.CreateReadyClientAsync();

        var run = assembly.GetType($"{GeneratedClient.Namespace}.GeneratedClientCalls")!.GetMethod("CallWithAndWithoutKeyAsync")!;
        var (withoutKey, withKey) = await (Task<(int, double)>)run.Invoke(null, [http, TestClips.Speech, key])!;

        Assert.Equal(401, withoutKey);
        Assert.True(double.IsFinite(withKey));
    }

    private static double Number(JsonNode? answer, string property) => answer![property]!.GetValue<double>();
}
