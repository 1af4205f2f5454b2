namespace Scraps.Service.Configuration;

/// <summary>Which model package the service loads (section <c>Scraps:Model</c>).</summary>
internal sealed class ModelOptions
{
    public const string SectionName = "Scraps:Model";

    /// <summary>
    /// The package folder. A relative path is resolved against the content root, then against each of its parents
    /// (so the default works from the repository root and from the project folder).
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "models/scraps-en-base";

    /// <summary>Run one small batch through each encoder before reporting ready.</summary>
    public bool WarmUp { get; set; } = true;
}
