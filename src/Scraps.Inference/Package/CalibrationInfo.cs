namespace Scraps.Inference.Package;

/// <summary>Raw score -> match probability mapping: <c>p = 1 / (1 + exp(-(a * score + b)))</c> for kind "logistic".</summary>
public sealed record CalibrationInfo(string Kind, double A, double B)
{
    public const string Logistic = "logistic";
}
