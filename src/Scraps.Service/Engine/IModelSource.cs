namespace Scraps.Service.Engine;

/// <summary>Where the served model comes from (a package folder by default; tests substitute their own).</summary>
internal interface IModelSource
{
    /// <exception cref="Scraps.Inference.Package.ModelPackageException">The folder is not a usable package.</exception>
    LoadedModel Load(string folder);
}
