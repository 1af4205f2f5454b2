namespace Scraps.Inference.Package;

/// <summary>
/// Finds a model package folder: the one asked for, or else the bundled default (<c>models/scraps-en-base</c>)
/// next to the executable or in the repository the program runs from.
/// </summary>
public static class ModelLocator
{
    public const string DefaultModelName = "scraps-en-base";

    /// <summary>Where the default package lives relative to a root (the executable's folder or the repository root).</summary>
    public static string DefaultRelativePath { get; } = Path.Combine("models", DefaultModelName);

    /// <summary>
    /// Returns <paramref name="folder"/> as a full path when given; otherwise the first of
    /// <c>&lt;exe dir&gt;/models/scraps-en-base</c>, then the same below each parent of the executable's folder and of the
    /// current directory, that holds a model.json.
    /// </summary>
    /// <exception cref="ModelPackageException">No folder was given and the default package is not installed.</exception>
    public static string Resolve(string? folder) => Resolve(folder, [AppContext.BaseDirectory, Directory.GetCurrentDirectory()]);

    internal static string Resolve(string? folder, IEnumerable<string> searchRoots)
    {
        if (!string.IsNullOrWhiteSpace(folder))
        {
            var full = Path.GetFullPath(folder);
            // The package's model.json named instead of its folder means the folder.
            return File.Exists(full) && Path.GetFileName(full) == ModelManifest.FileName ? Path.GetDirectoryName(full)! : full;
        }

        var searched = new List<string>();
        foreach (var start in searchRoots)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DefaultRelativePath);
                if (File.Exists(Path.Combine(candidate, ModelManifest.FileName)))
                {
                    return candidate;
                }

                searched.Add(candidate);
            }
        }

        throw new ModelPackageException(
            DefaultRelativePath,
            $"the bundled default model is not installed (looked in {string.Join(", ", searched.Distinct().Take(4))}...); pass --model DIR");
    }
}
