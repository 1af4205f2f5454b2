namespace Scraps.Inference.Manifests.Formats;

/// <summary>
/// One utterance of a manifest, in its order: the entry to score, or why it cannot be (the rest of the manifest is
/// read on regardless).
/// </summary>
/// <param name="Where">Where it is, for messages: "line 12", "text line 3", "row 17".</param>
/// <param name="Id">The utterance id where it could be read (also for a bad item).</param>
public sealed record ManifestItem(string Where, string? Id, ScoringManifestEntry? Entry, string? Error)
{
    public static ManifestItem Ok(string where, ScoringManifestEntry entry) => new(where, entry.Id, entry, null);

    public static ManifestItem Bad(string where, string error, string? id = null) => new(where, id, null, error);
}
