namespace Scraps.Inference.Manifests.Formats;

/// <summary>How to read a manifest: its path, its format (null: detected) and the format's own options.</summary>
public sealed record ManifestSource(string Path)
{
    public ManifestFormat? Format { get; init; }

    /// <summary>NeMo: the field that holds the transcript.</summary>
    public string NemoTextField { get; init; } = "text";

    /// <summary>Lhotse supervisions: their recordings manifest (default: the sibling file named "recordings").</summary>
    public string? LhotseRecordings { get; init; }

    public ParquetColumns ParquetColumns { get; init; } = new();

    /// <summary>The reader for this source.</summary>
    /// <exception cref="ManifestInputException">The path is missing or of no format we read.</exception>
    public IManifestReader Open() => (Format ?? ManifestFormatDetector.Detect(Path)) switch
    {
        ManifestFormat.Scraps => new ScrapsManifestReader(Path),
        ManifestFormat.Nemo => new NemoManifestReader(Path, NemoTextField),
        ManifestFormat.Kaldi => new KaldiManifestReader(Path),
        ManifestFormat.Lhotse => new LhotseManifestReader(Path, LhotseRecordings),
        ManifestFormat.Parquet => new ParquetManifestReader(Path, ParquetColumns),
        var other => throw new ManifestInputException($"unknown manifest format {other}"),
    };
}
