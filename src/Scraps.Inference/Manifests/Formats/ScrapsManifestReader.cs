namespace Scraps.Inference.Manifests.Formats;

/// <summary>This project's JSON Lines (DESIGN.md, "Contracts"): <c>id</c>, <c>audio</c>, <c>text</c> or <c>phonemes</c>.</summary>
public sealed class ScrapsManifestReader(string path) : IManifestReader
{
    public ManifestFormat Format => ManifestFormat.Scraps;

    public string Path { get; } = path;

    public string AudioRoot => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;

    public IEnumerable<ManifestItem> Read(CancellationToken cancellationToken = default)
    {
        foreach (var (number, text) in JsonLinesReader.Lines(Path))
        {
            cancellationToken.ThrowIfCancellationRequested();
            ManifestItem item;
            try
            {
                item = ManifestItem.Ok($"line {number}", ScoringManifestEntry.Parse(text));
            }
            catch (FormatException e)
            {
                item = ManifestItem.Bad($"line {number}", e.Message);
            }

            yield return item;
        }
    }
}
