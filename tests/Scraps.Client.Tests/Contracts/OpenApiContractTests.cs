using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Scraps.Client.Tests.Support;

namespace Scraps.Client.Tests.Contracts;

/// <summary>
/// The client's records mirror the service's OpenAPI schemas (served by the real service, the same document that
/// is committed as openapi/scraps.v1.json): same JSON properties, same required members on responses, compatible
/// JSON types; and the client calls every operation of the document.
/// </summary>
public sealed class OpenApiContractTests(ReadyService service) : IClassFixture<ReadyService>
{
    /// <summary>The service's ProblemDetails schema is <see cref="ScrapsProblem"/> in the client.</summary>
    private static readonly Dictionary<Type, string> Renamed = new() { [typeof(ScrapsProblem)] = "ProblemDetails" };

    private static readonly Type[] Records = typeof(IScrapsClient).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == "Scraps.Client" && t.GetMethod("<Clone>$") is not null)
        .ToArray();

    [Fact]
    public async Task Every_client_record_has_the_properties_and_required_members_of_its_schema()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!.AsObject();
        Assert.True(Records.Length >= 20, $"found only {Records.Length} records");

        foreach (var type in Records)
        {
            var name = SchemaName(type);
            var schema = schemas[name] ?? throw new Xunit.Sdk.XunitException($"the service's OpenAPI document has no schema '{name}' for {type.Name}");
            var properties = schema["properties"]!.AsObject();
            var clientProperties = JsonProperties(type);

            Assert.True(
                clientProperties.Keys.Order().SequenceEqual(properties.Select(p => p.Key).Order()),
                $"{type.Name}: client [{string.Join(", ", clientProperties.Keys.Order())}] vs schema [{string.Join(", ", properties.Select(p => p.Key).Order())}]");
            foreach (var (json, property) in clientProperties)
            {
                AssertCompatible($"{type.Name}.{property.Name}", property.PropertyType, properties[json]!);
            }

            var requiredInClient = clientProperties.Where(p => p.Value.IsDefined(typeof(RequiredMemberAttribute))).Select(p => p.Key).Order().ToArray();
            if (schema["required"] is JsonArray required)
            {
                Assert.True(
                    requiredInClient.SequenceEqual(required.Select(r => r!.GetValue<string>()).Order()),
                    $"{type.Name}: client requires [{string.Join(", ", requiredInClient)}], schema [{string.Join(", ", required)}]");
            }
        }
    }

    [Fact]
    public async Task Every_schema_of_a_json_request_or_response_has_a_client_record()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!.AsObject();
        var referenced = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (_, operation) in item!.AsObject())
            {
                CollectRefs(operation!["requestBody"]?["content"]?["application/json"], schemas, referenced);
                foreach (var (_, response) in operation["responses"]!.AsObject())
                {
                    CollectRefs(response!["content"], schemas, referenced);
                }
            }
        }

        var mirrored = Records.Select(SchemaName).ToHashSet(StringComparer.Ordinal);
        var missing = referenced.Where(name => !mirrored.Contains(name)).ToArray();
        Assert.True(missing.Length == 0, $"schemas with no client record: {string.Join(", ", missing)}");
        Assert.Contains("ScoreResponse", referenced);
        Assert.Contains("ProblemDetails", referenced);
    }

    [Fact]
    public async Task The_client_calls_every_json_operation_of_the_document_except_metrics()
    {
        var document = await DocumentAsync();
        using var provider = ClientProvider.For(service);
        var client = provider.Client;
        var clip = Clips.Speech;

        await client.ScoreAsync(new ScoreRequest { Audio = clip, Transcript = "hello" });
        await client.ScoreMatrixAsync(new ScoreMatrixRequest { Audios = [clip], Transcripts = ["hello"] });
        await client.EmbedAcousticAsync(new AcousticEmbeddingRequest { Audio = clip });
        await client.EmbedPhoneticAsync(new PhoneticEmbeddingRequest { Transcript = "hello" });
        await client.CompareAsync(new CompareRequest { Audio = clip, Reference = clip });
        await client.GetModelAsync();
        await client.GetLivenessAsync();
        await client.GetReadinessAsync();
        await client.RankAsync(new RankRequest { Audio = clip, Transcripts = ["hello", "yellow"] });

        // ScoreWithWordsAsync is POST /v1/score?words=true (PhoneAwareClientTests): one path, two methods.
        Assert.Equal(10, typeof(IScrapsClient).GetMethods().Length);
        var called = provider.Faults.Attempts.Select(a => a.Path).Order(StringComparer.Ordinal).ToArray();
        // The client sends JSON; the multipart twins of the audio operations (/v1/score/multipart...) serve curl,
        // browsers and generated clients (the service tests call them through an NSwag-generated client).
        var documented = document["paths"]!.AsObject().Select(p => p.Key)
            .Where(p => p != "/metrics" && !p.EndsWith("/multipart", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(documented, called);
    }

    private async Task<JsonNode> DocumentAsync() =>
        JsonNode.Parse(await service.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;

    private static string SchemaName(Type type) => Renamed.GetValueOrDefault(type, type.Name);

    private static Dictionary<string, PropertyInfo> JsonProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => !p.IsDefined(typeof(JsonExtensionDataAttribute)))
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => p);

    private static void AssertCompatible(string where, Type clr, JsonNode schema)
    {
        clr = Nullable.GetUnderlyingType(clr) ?? clr;
        if (schema["$ref"] is { } reference)
        {
            Assert.True(reference.GetValue<string>() == $"#/components/schemas/{SchemaName(clr)}", $"{where}: {clr.Name} vs {reference}");
            return;
        }

        var kinds = schema["type"] switch
        {
            JsonArray many => many.Select(k => k!.GetValue<string>()).Where(k => k != "null").ToArray(),
            JsonValue one => [one.GetValue<string>()],
            _ => [],
        };
        var kind = Assert.Single(kinds);
        var element = clr == typeof(byte[]) ? null
            : clr.IsArray ? clr.GetElementType()
            : clr.IsGenericType && clr.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? clr.GetGenericArguments()[0]
            : null;
        var expected = clr == typeof(string) || clr == typeof(byte[]) || clr == typeof(DateTimeOffset) ? "string"
            : clr == typeof(bool) ? "boolean"
            : clr == typeof(int) || clr == typeof(long) ? "integer"
            : clr == typeof(double) || clr == typeof(float) ? "number"
            : clr == typeof(JsonObject) ? "object"
            : element is not null ? "array"
            : $"? ({clr.Name})";
        Assert.True(expected == kind, $"{where}: {clr.Name} is JSON {expected}, the schema says {kind}");
        if (element is not null)
        {
            AssertCompatible(where + "[]", element, schema["items"]!);
        }
    }

    private static void CollectRefs(JsonNode? node, JsonObject schemas, ISet<string> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "$ref" && value!.GetValue<string>() is var reference && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                    {
                        var name = reference["#/components/schemas/".Length..];
                        if (found.Add(name))
                        {
                            CollectRefs(schemas[name], schemas, found);
                        }
                    }
                    else
                    {
                        CollectRefs(value, schemas, found);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    CollectRefs(item, schemas, found);
                }

                break;
        }
    }
}
