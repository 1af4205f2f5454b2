namespace Scraps.Deploy.Tests.Support;

/// <summary>deploy/ and docker/ as copied next to the tests by the project file (every file, so new ones are checked too).</summary>
internal static class RepoFiles
{
    public static string Deploy => Path.Combine(AppContext.BaseDirectory, "deploy");

    public static string Docker => Path.Combine(AppContext.BaseDirectory, "docker");

    public static string DeployPath(string relative) => Path.GetFullPath(Path.Combine(Deploy, relative));

    /// <summary>Every YAML file under deploy/, as paths relative to it with '/' separators.</summary>
    public static IReadOnlyList<string> DeployYamlFiles() =>
        Directory.EnumerateFiles(Deploy, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Deploy, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
