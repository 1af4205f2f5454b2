using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scraps.Inference.Package;

/// <summary>Reads and writes <see cref="ModelManifest"/> as camelCase JSON.</summary>
public static class ModelManifestJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static string Serialize(ModelManifest manifest) => JsonSerializer.Serialize(manifest, Options);

    /// <summary>Parses model.json text; <paramref name="filePath"/> names the file in errors.</summary>
    /// <exception cref="ModelPackageException">The text is not valid JSON or misses a required field.</exception>
    public static ModelManifest Deserialize(string json, string filePath)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ModelPackageException(filePath, "is not a JSON object");
            }

            if (!document.RootElement.TryGetProperty("formatVersion", out var version) || version.ValueKind != JsonValueKind.Number
                || !version.TryGetInt32(out var formatVersion))
            {
                throw new ModelPackageException(filePath, "has no integer 'formatVersion'");
            }

            if (formatVersion != ModelManifest.CurrentFormatVersion)
            {
                throw new ModelPackageException(
                    filePath,
                    $"unsupported formatVersion {formatVersion} (this build reads version {ModelManifest.CurrentFormatVersion})");
            }

            return document.RootElement.Deserialize<ModelManifest>(Options)
                ?? throw new ModelPackageException(filePath, "is JSON null");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1})" : string.Empty;
            throw new ModelPackageException(filePath, $"bad JSON{where}: {e.Message}", e);
        }
    }
}
