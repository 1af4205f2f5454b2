using Scraps.Inference.Manifests.Formats;

namespace Scraps.Inference.Manifests.Filtering;

/// <summary>
/// Splits a scored manifest into the entries kept and those dropped, each written in the manifest's own format with
/// its score, probability, match and unsupported words added (under "scraps" in JSON manifests, "custom.scraps" of
/// a Lhotse supervision, a <c>scraps_scores</c> table beside a Kaldi directory's, <c>scraps_*</c> columns in Parquet).
/// A pure function of manifest and scores: run it again after more scoring and it writes the outputs anew; each
/// output is written beside its final path and moved there when complete, so an interrupted run leaves no half file.
/// </summary>
public static class ManifestFilter
{
    public static FilterSummary Run(
        ManifestSource source, IReadOnlyDictionary<string, ScoreVerdict> verdicts, FilterRule rule, string keptPath, string droppedPath, ShardSpec shard, CancellationToken cancellationToken = default)
    {
        var format = source.Format ?? ManifestFormatDetector.Detect(source.Path);
        if (Path.GetFullPath(keptPath) == Path.GetFullPath(droppedPath))
        {
            throw new ArgumentException("--kept and --dropped must be different paths");
        }

        foreach (var output in new[] { keptPath, droppedPath })
        {
            if (Path.GetFullPath(output) == Path.GetFullPath(source.Path))
            {
                throw new ArgumentException($"'{output}' is the manifest itself: filtered output goes to another path");
            }
        }

        var tally = new FilterTally(verdicts, rule, shard);
        switch (format)
        {
            case ManifestFormat.Scraps:
            case ManifestFormat.Nemo:
                JsonLinesFilter.Write(source with { Format = format }, tally, keptPath, droppedPath, cancellationToken);
                break;
            case ManifestFormat.Lhotse:
                LhotseFilter.Write(source, tally, keptPath, droppedPath, cancellationToken);
                break;
            case ManifestFormat.Kaldi:
                KaldiFilter.Write(source, tally, keptPath, droppedPath, cancellationToken);
                break;
            case ManifestFormat.Parquet:
                ParquetFilter.Write(source, tally, keptPath, droppedPath, cancellationToken);
                break;
            default:
                throw new ManifestInputException($"cannot write filtered {format} manifests");
        }

        return new FilterSummary(tally.Kept, tally.Dropped, tally.Unscored, tally.UnscoredExamples, Path.GetFullPath(keptPath), Path.GetFullPath(droppedPath));
    }
}

/// <summary>The decision per utterance, in manifest order (ordinals for the shard), and the counts.</summary>
internal sealed class FilterTally(IReadOnlyDictionary<string, ScoreVerdict> verdicts, FilterRule rule, ShardSpec shard)
{
    private long _ordinal = -1;
    private readonly List<string> _unscoredExamples = [];

    public long Kept { get; private set; }

    public long Dropped { get; private set; }

    public long Unscored { get; private set; }

    public IReadOnlyList<string> UnscoredExamples => _unscoredExamples;

    /// <summary>The next utterance's verdict: null when outside the shard or unscored; else its score and whether it is kept.</summary>
    public (ScoreVerdict Verdict, bool Keep)? Next(string? id)
    {
        if (!shard.Contains(++_ordinal))
        {
            return null;
        }

        if (id is null || !verdicts.TryGetValue(id, out var verdict))
        {
            Unscored++;
            if (_unscoredExamples.Count < 5)
            {
                _unscoredExamples.Add(id ?? $"#{_ordinal}");
            }

            return null;
        }

        var keep = rule.Keeps(verdict);
        if (keep)
        {
            Kept++;
        }
        else
        {
            Dropped++;
        }

        return (verdict, keep);
    }
}

/// <summary>A file written beside its final path and moved there only when complete.</summary>
internal sealed class StagedFile : IDisposable
{
    private readonly string _staging;
    private bool _committed;

    public StagedFile(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _staging = Path + ".partial";
        Stream = new FileStream(_staging, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
    }

    public string Path { get; }

    public FileStream Stream { get; }

    public void Commit()
    {
        Stream.Dispose();
        File.Move(_staging, Path, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        Stream.Dispose();
        if (!_committed && File.Exists(_staging))
        {
            File.Delete(_staging);
        }
    }
}
