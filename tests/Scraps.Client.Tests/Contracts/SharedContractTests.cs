using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;

namespace Scraps.Client.Tests.Contracts;

/// <summary>
/// The client's records and the service's contracts are one source (src/Shared/Contracts, compiled into both): the
/// same records with the same JSON members, types, null handling and unknown-member handling. The one intended
/// difference: audio the service reads nullable and marks [Required] (so that a missing field is a 400 naming it) is a
/// C# required, non-null member in the client. Fails if either side gets a copy of its own that drifts.
/// </summary>
public sealed class SharedContractTests
{
    private const string ServiceNamespace = "Scraps.Service.Api.Contracts";

    private static readonly Type[] ClientRecords = typeof(IScrapsClient).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == "Scraps.Client" && IsRecord(t) && t != typeof(ScrapsProblem))
        .ToArray();

    /// <summary>The service's contracts but for the multipart forms, which only the service has (audio as IFormFile).</summary>
    private static readonly Type[] ServiceRecords = typeof(Program).Assembly.GetTypes()
        .Where(t => t.Namespace == ServiceNamespace && !t.IsNested && IsRecord(t) && !t.Name.EndsWith("Form", StringComparison.Ordinal))
        .ToArray();

    [Fact]
    public void Every_client_record_is_a_service_contract_with_the_same_members()
    {
        Assert.True(ClientRecords.Length >= 20, $"found only {ClientRecords.Length} client records");
        var nullability = new NullabilityInfoContext();

        foreach (var client in ClientRecords)
        {
            var service = typeof(Program).Assembly.GetType($"{ServiceNamespace}.{client.Name}")
                ?? throw new Xunit.Sdk.XunitException($"the service has no {ServiceNamespace}.{client.Name} for the client's {client.Name}");
            Assert.True(service.IsNotPublic, $"{service.FullName} is public; the service's contracts are internal");
            Assert.Equal(Unmapped(service), Unmapped(client));

            var serviceProperties = Properties(service);
            var clientProperties = Properties(client);
            Assert.Equal(serviceProperties.Select(p => p.Name), clientProperties.Select(p => p.Name));
            foreach (var (s, c) in serviceProperties.Zip(clientProperties))
            {
                var where = $"{client.Name}.{c.Name}";
                Assert.True(Shape(s.PropertyType) == Shape(c.PropertyType), $"{where}: service {Shape(s.PropertyType)}, client {Shape(c.PropertyType)}");
                Assert.True(s.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition == c.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition, $"{where}: [JsonIgnore] differs");

                var readByService = s.IsDefined(typeof(RequiredAttribute));
                Assert.True(
                    (readByService || s.IsDefined(typeof(RequiredMemberAttribute))) == c.IsDefined(typeof(RequiredMemberAttribute)),
                    $"{where}: required in the service is {readByService || s.IsDefined(typeof(RequiredMemberAttribute))}, in the client {c.IsDefined(typeof(RequiredMemberAttribute))}");
                var expected = readByService ? NullabilityState.NotNull : nullability.Create(s).ReadState;
                Assert.True(expected == nullability.Create(c).ReadState, $"{where}: the client's member should be {expected}, it is {nullability.Create(c).ReadState}");
            }
        }
    }

    [Fact]
    public void Every_service_contract_but_the_multipart_forms_is_a_client_record()
    {
        var client = ClientRecords.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(ServiceRecords);
        var missing = ServiceRecords.Select(t => t.Name).Where(name => !client.Contains(name)).Order(StringComparer.Ordinal).ToArray();
        Assert.True(missing.Length == 0, $"service contracts with no public client record: {string.Join(", ", missing)}");
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    private static JsonUnmappedMemberHandling? Unmapped(Type type) =>
        type.GetCustomAttribute<JsonUnmappedMemberHandlingAttribute>()?.UnmappedMemberHandling;

    private static PropertyInfo[] Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance);

    /// <summary>A member type with the contracts named without their namespace (the same record on either side).</summary>
    private static string Shape(Type type) => type switch
    {
        { IsArray: true } => Shape(type.GetElementType()!) + "[]",
        { IsGenericType: true } => $"{type.GetGenericTypeDefinition().FullName}<{string.Join(", ", type.GetGenericArguments().Select(Shape))}>",
        _ when type.Namespace is "Scraps.Client" or ServiceNamespace => type.Name,
        _ => type.FullName!,
    };
}
