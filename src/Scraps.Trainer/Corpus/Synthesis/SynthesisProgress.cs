namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>Progress of a corpus build: clips finished (built, failed or already present) out of the total.</summary>
internal readonly record struct SynthesisProgress(int Done, int Total, int Failed, int Reused);

/// <summary>A clip that could not be built, and why (it is left out of the manifest; a re-run retries it).</summary>
internal sealed record ClipFailure(string Id, string Message);

/// <summary>What a corpus build did and where its manifests are.</summary>
internal sealed record SynthesisResult(
    string ManifestPath,
    int Clips,
    int Built,
    int Reused,
    IReadOnlyList<ClipFailure> Failures,
    IReadOnlyDictionary<string, int> SplitCounts,
    IReadOnlyDictionary<string, int> EngineCounts,
    double AudioHours,
    TimeSpan Elapsed,
    double ClipsPerSecond,
    int Jobs,
    double? CpuSeconds,
    double? ClipsPerCpuSecond);
