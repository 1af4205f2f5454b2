namespace Scraps.Trainer.Corpus;

/// <summary>Values of a list option given repeated and/or comma-separated ("--synths espeak-ng,flite").</summary>
internal static class ListOption
{
    public static IReadOnlyList<string> Split(IEnumerable<string>? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();

    /// <summary>Parses "name=number,name=number".</summary>
    /// <exception cref="ArgumentException">An item is not name=number.</exception>
    public static IReadOnlyDictionary<string, double> Weights(IEnumerable<string>? values, string option)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var item in Split(values))
        {
            var parts = item.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0
                || !double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var weight))
            {
                throw new ArgumentException($"{option}: expected name=weight, got '{item}'");
            }

            weights[parts[0]] = weight;
        }

        return weights;
    }
}
