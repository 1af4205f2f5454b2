using Parquet;
using Parquet.Schema;
using Parquet.Serialization;
using Scraps.Inference.Manifests.Formats;

namespace Scraps.Inference.Manifests.Filtering;

/// <summary>
/// Parquet: two files with the input's columns and rows as they were (audio bytes included), plus <c>scraps_score</c>,
/// <c>scraps_probability</c>, <c>scraps_match</c> and <c>scraps_unsupported_words</c>; one output row group per input
/// row group, so memory holds one row group at a time.
/// </summary>
internal static class ParquetFilter
{
    private static readonly Field[] Added =
    [
        new DataField<double>("scraps_score"),
        new DataField<double>("scraps_probability"),
        new DataField<bool>("scraps_match"),
        new DataField<string>("scraps_unsupported_words"),
    ];

    public static void Write(ManifestSource source, FilterTally tally, string keptPath, string droppedPath, CancellationToken cancellationToken)
    {
        var reader = (ParquetManifestReader)source.Open();
        using var input = File.OpenRead(source.Path);
        var groups = ParquetManifestReader.RowGroupCount(input, cancellationToken);
        var schema = ReadSchema(input, cancellationToken);
        var outputSchema = new ParquetSchema(schema.Fields.Concat(Added));
        using var kept = new StagedFile(keptPath);
        using var dropped = new StagedFile(droppedPath);
        var written = new Dictionary<StagedFile, bool> { [kept] = false, [dropped] = false };
        long row = 0;
        for (var group = 0; group < groups; group++)
        {
            var keep = new List<IDictionary<string, object>>();
            var drop = new List<IDictionary<string, object>>();
            foreach (var values in ParquetManifestReader.Rows(input, group, cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (tally.Next(reader.IdOf(row++, values)) is { } decision)
                {
                    var copy = new Dictionary<string, object>(Writable(values))
                    {
                        ["scraps_score"] = decision.Verdict.Score,
                        ["scraps_probability"] = decision.Verdict.Probability,
                        ["scraps_match"] = decision.Verdict.Match,
                        ["scraps_unsupported_words"] = string.Join(',', decision.Verdict.UnsupportedWords),
                    };
                    (decision.Keep ? keep : drop).Add(copy);
                }
            }

            foreach (var (rows, file) in new[] { (keep, kept), (drop, dropped) })
            {
                if (rows.Count > 0)
                {
                    Append(rows, outputSchema, file, written[file], cancellationToken);
                    written[file] = true;
                }
            }
        }

        foreach (var file in new[] { kept, dropped })
        {
            if (!written[file])
            {
                // An output with no rows still has the schema, so a reader of it sees an empty table, not a broken file.
                Append([], outputSchema, file, append: false, cancellationToken);
            }

            file.Commit();
        }
    }

    /// <summary>
    /// A row as Parquet.Net's untyped writer takes it: binary values as <see cref="ReadOnlyMemory{T}"/> of bytes (its
    /// reader hands out byte arrays when asked, as the manifest reader asks), struct values likewise.
    /// </summary>
    private static IDictionary<string, object> Writable(IDictionary<string, object> values) => values.ToDictionary(
        v => v.Key,
        v => v.Value switch
        {
            byte[] bytes => (object)(ReadOnlyMemory<byte>?)bytes,
            IDictionary<string, object> nested => Writable(nested),
            var other => other,
        });

    private static void Append(IReadOnlyCollection<IDictionary<string, object>> rows, ParquetSchema schema, StagedFile file, bool append, CancellationToken cancellationToken)
    {
        file.Stream.Position = append ? file.Stream.Length : 0;
        var options = new ParquetOptions { Append = append };
        ParquetSerializer.SerializeUntypedAsync(rows!, schema, file.Stream, options, null, cancellationToken).GetAwaiter().GetResult();
    }

    private static ParquetSchema ReadSchema(Stream input, CancellationToken cancellationToken)
    {
        input.Position = 0;
        var reader = ParquetReader.CreateAsync(input, ParquetManifestReader.Options, leaveStreamOpen: true, cancellationToken).GetAwaiter().GetResult();
        try
        {
            return reader.Schema;
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
