using System.Text.RegularExpressions;
using Scraps.Deploy.Tests.Support;

namespace Scraps.Deploy.Tests;

/// <summary>
/// The service's options in the generated ConfigMaps (and anywhere else deploy/ names one): every variable is a
/// property of one of the service's options classes, and each variant's values pass the service's own validation.
/// </summary>
[Collection(ServiceCollectionDefinition.Name)]
public sealed partial class ConfigMapTests(ServiceOptionsCatalog service)
{
    public static TheoryData<string> Variants => new() { "base", "overlays/cpu", "overlays/gpu" };

    [Fact]
    public void The_catalog_knows_every_section_of_the_service()
    {
        // Guards the discovery itself: if the recording missed keys, the other tests would pass vacuously.
        foreach (var key in new[] { "Scraps:Model:Path", "Scraps:Inference:ExecutionProvider", "Scraps:Batching:MaxBatchSize", "Scraps:Resilience:BatchTimeout", "Scraps:Limits:MaxRequestBytes" })
        {
            Assert.True(service.Keys.ContainsKey(key), $"{key} not found among [{string.Join(", ", service.Keys.Keys.Order())}]");
        }
    }

    [Fact]
    public void Every_generated_config_map_key_is_an_option_the_service_binds()
    {
        foreach (var kustomization in Kustomization.All())
        {
            foreach (var (name, literals) in kustomization.ConfigMapLiterals)
            {
                foreach (var (variable, _) in literals)
                {
                    Assert.True(
                        service.Keys.ContainsKey(OptionValues.ConfigurationKey(variable)),
                        $"{kustomization.Folder}: ConfigMap {name} sets {variable}, which no options class of the service has");
                }
            }
        }
    }

    [Fact]
    public void Every_scraps_variable_named_anywhere_in_deploy_is_an_option_the_service_binds()
    {
        var files = Directory.EnumerateFiles(RepoFiles.Deploy, "*", SearchOption.AllDirectories);
        var mentioned = files.SelectMany(f => ScrapsVariable().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(RepoFiles.Deploy, f), m.Value))).ToArray();

        Assert.NotEmpty(mentioned);
        foreach (var (file, variable) in mentioned)
        {
            // A list option's entries are named with an index (Scraps__Inference__CudaDeviceIds__0): the option is the list.
            var key = System.Text.RegularExpressions.Regex.Replace(OptionValues.ConfigurationKey(variable), ":[0-9]+$", string.Empty);
            Assert.True(service.Keys.ContainsKey(key), $"deploy/{file} names {variable}, which no options class of the service has");
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Each_variants_options_bind_and_pass_the_services_validation(string variant)
    {
        var environment = EffectiveConfig.Of(variant);

        Assert.NotEmpty(environment);
        await OptionValues.AssertBindAndValidateAsync(variant, environment, service);
    }

    [GeneratedRegex(@"Scraps__[A-Za-z0-9_]+")]
    private static partial Regex ScrapsVariable();
}
