namespace Scraps.Inference.Package;

/// <summary>
/// A model package folder that cannot be used: names the file and says what is wrong with it.
/// </summary>
public sealed class ModelPackageException : Exception
{
    public ModelPackageException(string filePath, string problem, Exception? inner = null)
        : base($"model package file '{filePath}': {problem}", inner)
    {
        FilePath = filePath;
        Problem = problem;
    }

    /// <summary>The file (or folder) that is missing or wrong.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong with it, without the file name.</summary>
    public string Problem { get; }
}
