namespace Scraps.Inference.Manifests.Formats;

/// <summary>Reads a manifest's utterances in order, one item each, a bad one reported in its place (never fatal).</summary>
public interface IManifestReader
{
    ManifestFormat Format { get; }

    /// <summary>The manifest's path (a file, or a Kaldi data directory).</summary>
    string Path { get; }

    /// <summary>
    /// The folder relative audio paths are resolved against, as each toolkit does: the manifest's folder for this
    /// project's JSON Lines, NeMo manifests and Parquet files; the current directory for Kaldi and Lhotse (their
    /// recipes run from the recipe's folder).
    /// </summary>
    string AudioRoot { get; }

    /// <exception cref="ManifestInputException">The manifest as a whole cannot be read (a missing file, an unreadable header).</exception>
    IEnumerable<ManifestItem> Read(CancellationToken cancellationToken = default);
}
