namespace Scraps.Inference.Manifests;

/// <summary>Inputs of one scoring run over a manifest.</summary>
/// <param name="ManifestPath">The manifest: a file, or a Kaldi data directory.</param>
public sealed record ManifestScoringOptions(string ManifestPath, string OutputPath)
{
    /// <summary>How to read the manifest (format and its options); by default the format detected at <see cref="ManifestPath"/>.</summary>
    public Formats.ManifestSource? Source { get; init; }

    /// <summary><see cref="Source"/>, or the detected format at <see cref="ManifestPath"/>.</summary>
    public Formats.ManifestSource ManifestSource => Source ?? new Formats.ManifestSource(ManifestPath);

    /// <summary>
    /// Decoded recordings kept for their segments, in bytes of 16 kHz float samples (1 GiB: about 4.6 hours of audio).
    /// </summary>
    public long RecordingCacheBytes { get; init; } = 1L << 30;

    /// <summary>The longest recording decoded for its segments (whole-file utterances keep the scorer's own limit).</summary>
    public TimeSpan MaxRecording { get; init; } = TimeSpan.FromHours(6);

    public ShardSpec Shard { get; init; } = ShardSpec.All;

    /// <summary>Utterances prepared and encoded together.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Add per-word answers (start, end, confidence, match) to every line (needs a model with the CTC head).</summary>
    public bool Words { get; init; }

    /// <summary>The verdict's operating point for 'match' (a strictness level or a logit threshold of the caller's).</summary>
    public Scoring.VerdictOptions Verdict { get; init; } = Scoring.VerdictOptions.Default;

    /// <summary>Threads that decode audio and phonemise text for a batch.</summary>
    public int PreparationThreads { get; init; } = Math.Max(1, Environment.ProcessorCount);

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ManifestPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(OutputPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(PreparationThreads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(RecordingCacheBytes, 0);
        if (!File.Exists(ManifestPath) && !Directory.Exists(ManifestPath))
        {
            throw new FileNotFoundException($"manifest not found: {ManifestPath}", ManifestPath);
        }

        if (Path.GetFullPath(ManifestPath) == Path.GetFullPath(OutputPath))
        {
            throw new ArgumentException("the output file must not be the manifest itself");
        }
    }
}

/// <summary>How a scoring run ended.</summary>
/// <param name="ShardLines">Non-blank manifest lines in this shard.</param>
/// <param name="Scored">Lines scored and written by this run.</param>
/// <param name="AlreadyScored">Lines whose id was already in the output (a resumed run).</param>
/// <param name="Skipped">Bad lines reported and skipped.</param>
public sealed record ManifestScoringSummary(long ShardLines, long Scored, long AlreadyScored, long Skipped, TimeSpan Elapsed);
