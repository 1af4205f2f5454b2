namespace Scraps.Inference.Manifests;

/// <summary>What a <see cref="ManifestScoringJob"/> reports while it runs (a progress bar, a log).</summary>
public interface IManifestScoringObserver
{
    /// <summary>Before the first utterance: how many utterances this shard holds (the progress total).</summary>
    void Started(long shardLines, int alreadyScored);

    /// <summary>After each batch: utterances of this shard handled so far (scored, skipped or already done).</summary>
    void Advanced(long handledLines);

    /// <summary>An utterance that was skipped: where it is in the manifest ("line 12", "row 3"), its id when known, and why.</summary>
    void LineSkipped(string where, string? id, string reason);
}
