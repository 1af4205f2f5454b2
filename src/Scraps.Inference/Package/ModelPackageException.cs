namespace Scraps.Inference.Package;

/// <summary>
/// A model package folder that cannot be used: names the file and says what is wrong with it.
/// </summary>
public sealed class ModelPackageException : Exception, Scraps.Errors.IInputError
{
    public ModelPackageException(string filePath, string problem, Exception? inner = null)
        : base($"model package file '{filePath}': {problem}", inner)
    {
        FilePath = filePath;
        Problem = problem;
    }

    private ModelPackageException(string path, string problem, string message)
        : base(message)
    {
        FilePath = path;
        Problem = problem;
    }

    /// <summary>A path that is no package folder at all (missing, a file, a folder without model.json): the whole message says which.</summary>
    public static ModelPackageException NotAPackage(string path, string sentence) => new(path, sentence, sentence);

    /// <summary>The file (or folder) that is missing or wrong.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong with it, without the file name.</summary>
    public string Problem { get; }
}
