namespace Scraps.Data;

/// <summary>What a cache build did: utterances cached, reused from an earlier run, and skipped (with reasons).</summary>
public sealed record FeatureCacheBuildResult(int Cached, int Reused, IReadOnlyList<SkippedUtterance> Skipped, IReadOnlyList<string> BadManifestLines, TimeSpan Elapsed);
