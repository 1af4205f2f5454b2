using System.Text.Json;

namespace Scraps.Inference.Manifests;

/// <summary>
/// Reads the lines of <c>scraps score</c>'s JSON Lines output (what <see cref="ScoreOutputFile"/> writes), for the tools
/// that read it back (filtering, the report): blank lines skipped, and a line that is not score output an error naming
/// the file and line, since filtering or reporting on part of the data would mislead.
/// </summary>
public static class ScoreOutputLines
{
    /// <exception cref="FormatException">A line that is not score output (bad JSON, a missing or mistyped field).</exception>
    public static IEnumerable<T> Read<T>(string path, Func<JsonElement, T> parse)
    {
        long number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            T value;
            try
            {
                using var document = JsonDocument.Parse(line);
                value = parse(document.RootElement);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new FormatException($"{path} line {number} is not a scraps score output line ({{id, score, probability, match, ...}}): {e.Message}", e);
            }

            yield return value;
        }
    }

    /// <summary>The line's id (a score output line always has one).</summary>
    public static string Id(JsonElement line) => line.GetProperty("id").GetString() ?? throw new FormatException("'id' is null");
}
