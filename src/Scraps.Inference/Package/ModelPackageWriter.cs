namespace Scraps.Inference.Package;

/// <summary>
/// Finishes a model package folder: hashes every other file in it (the graphs, optional checkpoint...)
/// and writes model.json. The trainer's export command calls this after writing the graphs.
/// </summary>
public static class ModelPackageWriter
{
    /// <summary>
    /// Writes <c>folder/model.json</c> from <paramref name="manifest"/>, with <see cref="ModelManifest.Files"/> replaced
    /// by the SHA-256 of every regular file in the folder (sub-folders are not part of a package).
    /// </summary>
    /// <returns>The manifest as written.</returns>
    /// <exception cref="ModelPackageException">A graph is missing, or the manifest is inconsistent.</exception>
    public static ModelManifest Write(string folder, ModelManifest manifest)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(manifest);
        if (!Directory.Exists(folder))
        {
            throw new ModelPackageException(folder, "model package folder does not exist");
        }

        foreach (var graph in new[] { GraphPorts.Acoustic.FileName, GraphPorts.Phonetic.FileName })
        {
            var graphPath = Path.Combine(folder, graph);
            if (!File.Exists(graphPath))
            {
                throw new ModelPackageException(graphPath, "missing: write both ONNX graphs before model.json");
            }
        }

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (ModelManifestValidator.IsPlainFileName(name) && !name.EndsWith(".tmp", StringComparison.Ordinal))
            {
                files[name] = FileHasher.Sha256(path);
            }
        }

        var manifestPath = Path.Combine(folder, ModelManifest.FileName);
        var complete = manifest with { FormatVersion = ModelManifest.CurrentFormatVersion, Files = files };
        ModelManifestValidator.Validate(complete, manifestPath);

        var temporary = manifestPath + ".tmp";
        File.WriteAllText(temporary, ModelManifestJson.Serialize(complete));
        File.Move(temporary, manifestPath, overwrite: true);
        return complete;
    }
}
