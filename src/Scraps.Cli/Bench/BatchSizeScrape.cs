using System.Globalization;
using System.Text.RegularExpressions;

namespace Scraps.Cli.Bench;

/// <summary>Reads the batch size histogram's sum and count per encoder from the service's Prometheus text.</summary>
internal static partial class BatchSizeScrape
{
    /// <summary>(sum, count) of scraps_batching_batch_size by encoder.</summary>
    public static Dictionary<string, (double Sum, double Count)> Parse(string metrics)
    {
        var result = new Dictionary<string, (double Sum, double Count)>(StringComparer.Ordinal);
        foreach (Match match in Line().Matches(metrics))
        {
            var encoder = match.Groups["encoder"].Value;
            var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            result.TryGetValue(encoder, out var current);
            result[encoder] = match.Groups["kind"].Value == "sum" ? (value, current.Count) : (current.Sum, value);
        }

        return result;
    }

    /// <summary>Mean batch size between two scrapes, per encoder.</summary>
    public static Dictionary<string, double> MeanBetween(string before, string after)
    {
        var start = Parse(before);
        var end = Parse(after);
        return end.ToDictionary(
            e => e.Key,
            e =>
            {
                start.TryGetValue(e.Key, out var s);
                var count = e.Value.Count - s.Count;
                return count > 0 ? (e.Value.Sum - s.Sum) / count : double.NaN;
            },
            StringComparer.Ordinal);
    }

    [GeneratedRegex("^scraps_batching_batch_size_(?<kind>sum|count)\\{[^}]*encoder=\"(?<encoder>[a-z]+)\"[^}]*\\} (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex Line();
}
