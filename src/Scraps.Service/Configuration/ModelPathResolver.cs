using Scraps.Inference.Package;

namespace Scraps.Service.Configuration;

/// <summary>
/// Resolves <see cref="ModelOptions.Path"/>: an absolute path as it is; a relative one against the content root,
/// then each of its parents, then the application folder and its parents, taking the first that holds a
/// model.json (so <c>models/scraps-en-base</c> works from the repository root, the project folder or a publish
/// folder). When none does, the path under the content root is returned and loading reports what is missing.
/// </summary>
internal static class ModelPathResolver
{
    public static string Resolve(string path, string contentRoot)
    {
        if (Path.IsPathRooted(path))
        {
            return Path.GetFullPath(path);
        }

        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, path));
                if (File.Exists(Path.Combine(candidate, ModelManifest.FileName)))
                {
                    return candidate;
                }
            }
        }

        return Path.GetFullPath(Path.Combine(contentRoot, path));
    }
}
