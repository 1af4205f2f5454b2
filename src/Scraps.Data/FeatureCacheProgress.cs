namespace Scraps.Data;

/// <summary>Progress of a cache build: utterances done (cached or skipped) out of the manifest's total.</summary>
public readonly record struct FeatureCacheProgress(int Done, int Total, int Skipped);
