namespace Scraps.Deploy.Tests.Support;

/// <summary>One service host (no model) shared by the test classes that check manifests against it.</summary>
[CollectionDefinition(Name)]
public sealed class ServiceCollectionDefinition : ICollectionFixture<ServiceOptionsCatalog>
{
    public const string Name = "service host";
}
