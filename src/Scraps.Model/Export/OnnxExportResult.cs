namespace Scraps.Model.Export;

/// <summary>What <see cref="ScrapsOnnxExporter"/> wrote: full paths of both graphs and their opset.</summary>
public sealed record OnnxExportResult(string PhoneticPath, string AcousticPath, int Opset);
