namespace Scraps.Inference.Package;

/// <summary>
/// Opens a model package folder: reads and validates model.json and checks that every listed file exists
/// and has its recorded SHA-256. Graphs are not loaded here (see <see cref="Runtime.ScrapsModel"/>).
/// </summary>
public static class ModelPackageReader
{
    /// <exception cref="ModelPackageException">Missing folder or file, bad JSON, unsupported version, bad hash.</exception>
    public static ModelManifest Read(string folder, bool verifyHashes = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (File.Exists(folder))
        {
            throw ModelPackageException.NotAPackage(folder, $"'{folder}' is a file; a model package is the folder that holds model.json and the .onnx graphs");
        }

        if (!Directory.Exists(folder))
        {
            throw ModelPackageException.NotAPackage(folder, $"model package folder '{folder}' does not exist");
        }

        var manifestPath = Path.Combine(folder, ModelManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            throw ModelPackageException.NotAPackage(manifestPath, $"folder '{folder}' is not a model package: it has no model.json");
        }

        string json;
        try
        {
            json = File.ReadAllText(manifestPath);
        }
        catch (IOException e)
        {
            throw new ModelPackageException(manifestPath, $"cannot be read: {e.Message}", e);
        }

        var manifest = ModelManifestJson.Deserialize(json, manifestPath);
        ModelManifestValidator.Validate(manifest, manifestPath);
        foreach (var (name, expected) in manifest.Files)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                throw new ModelPackageException(path, "missing (listed in model.json 'files')");
            }

            if (verifyHashes)
            {
                var actual = FileHasher.Sha256(path);
                if (!string.Equals(actual, expected, StringComparison.Ordinal))
                {
                    throw new ModelPackageException(path, $"SHA-256 mismatch: model.json says {expected}, file has {actual} (corrupt or replaced file)");
                }
            }
        }

        return manifest;
    }
}
