using System.Text.Json;

namespace Scraps.Cli.Bench;

/// <summary>
/// Appends one JSON object per measured row to a file (<c>--results</c>), so that scripts such as tests/gpu/run.sh
/// read the figures instead of parsing the printed table.
/// </summary>
internal static class BenchResults
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static void Append(string? path, object row)
    {
        if (path is null)
        {
            return;
        }

        File.AppendAllText(path, JsonSerializer.Serialize(row, Json) + "\n");
    }
}
