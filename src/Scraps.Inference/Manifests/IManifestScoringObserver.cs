namespace Scraps.Inference.Manifests;

/// <summary>What a <see cref="ManifestScoringJob"/> reports while it runs (a progress bar, a log).</summary>
public interface IManifestScoringObserver
{
    /// <summary>Before the first line: how many manifest lines this shard holds (the progress total).</summary>
    void Started(long shardLines, int alreadyScored);

    /// <summary>After each batch: lines of this shard handled so far (scored, skipped or already done).</summary>
    void Advanced(long handledLines);

    /// <summary>A line that was skipped, with its 1-based line number, its id when known, and why.</summary>
    void LineSkipped(long lineNumber, string? id, string reason);
}
