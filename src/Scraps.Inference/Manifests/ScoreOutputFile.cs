using System.Text;
using System.Text.Json;

namespace Scraps.Inference.Manifests;

/// <summary>
/// The JSON Lines output of a scoring run, one <c>{id, score, probability, match}</c> a line. Opening it for a
/// resumed run reads the ids already written and cuts off a last line left incomplete by an interrupted run.
/// </summary>
internal sealed class ScoreOutputFile : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly FileStream _stream;
    private readonly MemoryStream _line = new();

    private ScoreOutputFile(FileStream stream, HashSet<string> completedIds)
    {
        _stream = stream;
        CompletedIds = completedIds;
    }

    /// <summary>Ids found in the file when it was opened.</summary>
    public HashSet<string> CompletedIds { get; }

    public static ScoreOutputFile OpenForAppend(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var validEnd = ReadCompleted(stream, ids);
            stream.SetLength(validEnd);
            stream.Seek(validEnd, SeekOrigin.Begin);
            return new ScoreOutputFile(stream, ids);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public void Write(string id, double score, double probability, bool match) => Write(id, new Scoring.PairScore(score, probability, match), []);

    /// <summary>One line: id, score, probability, match, and, when the model has the CTC head, alignmentScore (and words when scored with them).</summary>
    public void Write(string id, Scoring.PairScore result, IReadOnlyList<string> warnings)
    {
        _line.SetLength(0);
        using (var json = new Utf8JsonWriter(_line, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteNumber("score", Math.Round(result.Score, 6));
            json.WriteNumber("probability", Math.Round(result.Probability, 6));
            json.WriteBoolean("match", result.Match);
            if (result.AlignmentScore is { } alignment)
            {
                json.WriteNumber("alignmentScore", Math.Round(alignment, 6));
            }

            if (result.Words is { } words)
            {
                json.WriteStartArray("words");
                foreach (var w in words)
                {
                    json.WriteStartObject();
                    json.WriteString("word", w.Word);
                    json.WriteString("phonemes", w.Phonemes);
                    WriteSeconds(json, "start", w.Start);
                    WriteSeconds(json, "end", w.End);
                    json.WriteNumber("confidence", Math.Round(w.Confidence, 6));
                    json.WriteBoolean("match", w.Match);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            if (warnings.Count > 0)
            {
                json.WriteStartArray("warnings");
                foreach (var w in warnings)
                {
                    json.WriteStringValue(w);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        _line.WriteByte((byte)'\n');
        _line.Position = 0;
        _line.CopyTo(_stream);
    }

    private static void WriteSeconds(Utf8JsonWriter json, string name, double? seconds)
    {
        if (seconds is { } s)
        {
            json.WriteNumber(name, Math.Round(s, 4));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Pushes written lines to disk, so an interrupted run resumes after them.</summary>
    public void Flush() => _stream.Flush(flushToDisk: false);

    public void Dispose()
    {
        _stream.Dispose();
        _line.Dispose();
    }

    /// <summary>Collects the ids of complete lines; returns the byte length up to the last line break.</summary>
    private static long ReadCompleted(FileStream stream, HashSet<string> ids)
    {
        var validEnd = LengthUpToLastLineBreak(stream);
        stream.Seek(0, SeekOrigin.Begin);
        using var reader = new StreamReader(new BoundedReadStream(stream, validEnd), Encoding.UTF8, false, 1 << 16, leaveOpen: true);
        while (reader.ReadLine() is { } text)
        {
            if (TryReadId(text, out var id))
            {
                ids.Add(id);
            }
        }

        return validEnd;
    }

    /// <summary>Bytes after the last '\n' are a line an interrupted run did not finish: they are dropped.</summary>
    private static long LengthUpToLastLineBreak(FileStream stream)
    {
        var buffer = new byte[4096];
        var end = stream.Length;
        while (end > 0)
        {
            var start = Math.Max(0, end - buffer.Length);
            var count = (int)(end - start);
            stream.Seek(start, SeekOrigin.Begin);
            stream.ReadExactly(buffer, 0, count);
            var last = Array.LastIndexOf(buffer, (byte)'\n', count - 1, count);
            if (last >= 0)
            {
                return start + last + 1;
            }

            end = start;
        }

        return 0;
    }

    private static bool TryReadId(string text, out string id)
    {
        id = string.Empty;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String)
            {
                id = value.GetString()!;
                return true;
            }
        }
        catch (JsonException)
        {
            // Not a complete output line.
        }

        return false;
    }
}
