using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace Scraps.Service.Tests.OpenApi;

/// <summary>
/// A C# client generated from the committed openapi/scraps.v1.json with NSwag, as an NSwag user would (one client
/// class, method names from the operation ids, System.Text.Json), compiled with Roslyn together with
/// <c>Generated/GeneratedClientCalls.cs</c>, which calls every operation through it. The calls are ordinary C#: a
/// document whose shapes NSwag misreads fails to compile there, before any request is sent.
/// </summary>
internal static class GeneratedClient
{
    public const string Namespace = "Scraps.Generated";

    /// <summary>The generated source.</summary>
    public static async Task<string> GenerateAsync(string documentPath)
    {
        var document = await OpenApiDocument.FromFileAsync(documentPath);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "ScrapsApiClient",
            UseBaseUrl = false,
            GenerateClientInterfaces = false,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
        };
        settings.CSharpGeneratorSettings.Namespace = Namespace;
        settings.CSharpGeneratorSettings.JsonLibrary = CSharpJsonLibrary.SystemTextJson;
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }

    /// <summary>Compiles the sources against the running framework; a compile error fails with every diagnostic.</summary>
    public static Assembly Compile(params string[] sources)
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))).ToArray();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "Scraps.Generated." + Guid.NewGuid().ToString("N"),
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20).Select(d => d.ToString());
            throw new InvalidOperationException("the generated client does not compile:\n" + string.Join("\n", errors));
        }

        image.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(image);
    }
}
