using System.Collections;
using Parquet;
using Parquet.Serialization;

namespace Scraps.Inference.Manifests.Formats;

/// <summary>
/// A Parquet file in Hugging Face datasets' layout: an audio column that holds the encoded file's bytes and/or a path
/// (the <c>Audio</c> feature's struct <c>{bytes, path}</c>; a plain binary or string column works too), a text column,
/// and optionally an id column. Read one row group at a time, so memory holds one row group, not the file. Without an
/// id column a row is named <c>row-N</c> (0-based, in file order), stable for a file that does not change.
/// </summary>
public sealed class ParquetManifestReader(string path, ParquetColumns columns) : IManifestReader
{
    public ManifestFormat Format => ManifestFormat.Parquet;

    public string Path { get; } = path;

    public ParquetColumns Columns { get; } = columns;

    public string AudioRoot => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;

    internal static readonly ParquetOptions Options = new();

    static ParquetManifestReader()
    {
        // Untyped rows with strings and byte arrays as themselves (Parquet.Net's default is ReadOnlyMemory); these are
        // process-wide switches of the library, and nothing else here reads Parquet.
        ParquetOptions.PreferUntypedString = true;
        ParquetOptions.PreferUntypedByteArray = true;
    }

    public IEnumerable<ManifestItem> Read(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path))
        {
            throw new ManifestInputException($"manifest not found: {Path}");
        }

        using var stream = File.OpenRead(Path);
        var groups = RowGroupCount(stream, cancellationToken);
        long row = 0;
        for (var group = 0; group < groups; group++)
        {
            foreach (var values in Rows(stream, group, cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return Item(row, values);
                row++;
            }
        }
    }

    /// <summary>The rows of one row group as column name -> value (a struct column as a nested dictionary).</summary>
    internal static IReadOnlyList<IDictionary<string, object>> Rows(Stream stream, int group, CancellationToken cancellationToken)
    {
        stream.Position = 0;
        var result = ParquetSerializer.DeserializeUntypedAsync(stream, Options, group, cancellationToken).GetAwaiter().GetResult();
        return result.Data.Cast<IDictionary<string, object>>().ToArray();
    }

    internal static int RowGroupCount(Stream stream, CancellationToken cancellationToken)
    {
        try
        {
            var reader = ParquetReader.CreateAsync(stream, Options, leaveStreamOpen: true, cancellationToken).GetAwaiter().GetResult();
            try
            {
                return reader.RowGroupCount;
            }
            finally
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ParquetException)
        {
            throw new ManifestInputException($"cannot read the Parquet file: {e.Message}", e);
        }
    }

    /// <summary>The id of a row: its id column's value, else row-N.</summary>
    internal string IdOf(long row, IDictionary<string, object> values) =>
        Columns.Id is { } id && values.TryGetValue(id, out var value) && value is not null ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)! : $"row-{row}";

    private ManifestItem Item(long row, IDictionary<string, object> values)
    {
        var where = $"row {row}";
        var id = IdOf(row, values);
        if (!values.TryGetValue(Columns.Text, out var textValue))
        {
            return ManifestItem.Bad(where, $"no column '{Columns.Text}' (--text-column; columns: {string.Join(", ", values.Keys)})", id);
        }

        if (textValue is not string text || string.IsNullOrWhiteSpace(text))
        {
            return ManifestItem.Bad(where, $"'{id}' has no text in '{Columns.Text}'", id);
        }

        if (!values.TryGetValue(Columns.Audio, out var audio))
        {
            return ManifestItem.Bad(where, $"no column '{Columns.Audio}' (--audio-column; columns: {string.Join(", ", values.Keys)})", id);
        }

        var (bytes, file) = AudioOf(audio);
        if (bytes is null && string.IsNullOrWhiteSpace(file))
        {
            return ManifestItem.Bad(where, $"'{id}' has neither audio bytes nor an audio path in '{Columns.Audio}'", id);
        }

        return ManifestItem.Ok(where, new ScoringManifestEntry(id, file ?? $"{id} ({Columns.Audio})", text, null)
        {
            AudioBytes = bytes is { Length: > 0 } ? bytes : null,
        });
    }

    /// <summary>Bytes and/or path of an audio value: a {bytes, path} struct, a byte array, or a path.</summary>
    private static (byte[]? Bytes, string? Path) AudioOf(object? value) => value switch
    {
        byte[] bytes => (bytes, null),
        string path => (null, path),
        IDictionary<string, object> fields => (fields.TryGetValue("bytes", out var b) ? b as byte[] : null, fields.TryGetValue("path", out var p) ? p as string : null),
        IDictionary fields => (fields["bytes"] as byte[], fields["path"] as string),
        _ => (null, null),
    };
}

/// <summary>Which Parquet columns hold what (Hugging Face's names by default).</summary>
public sealed record ParquetColumns(string Audio = "audio", string Text = "text", string? Id = "id");
