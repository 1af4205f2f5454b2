using Scraps.Inference.Manifests;

namespace Scraps.Cli.Eval;

/// <summary>One well-formed manifest line: its 1-based line number, its fields, and its audio path resolved against the manifest's folder.</summary>
internal sealed record EvalManifestLine(long LineNumber, ScoringManifestEntry Entry, string AudioPath);
