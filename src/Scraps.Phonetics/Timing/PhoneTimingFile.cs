using System.Globalization;
using System.Text;

namespace Scraps.Phonetics.Timing;

/// <summary>
/// A clip's phone times as a small text file beside it (the corpus's <c>*.phones.tsv</c>): one phone a line,
/// <c>start TAB end TAB X-SAMPA</c>, seconds with four decimals, in time order (a phone may take no time). Silence is
/// where no phone is.
/// </summary>
public static class PhoneTimingFile
{
    /// <summary>The file name suffix that replaces a clip's <c>.wav</c>.</summary>
    public const string Suffix = ".phones.tsv";

    public static void Write(string path, IEnumerable<TimedPhone> phones)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(phones);
        var text = new StringBuilder();
        foreach (var phone in phones)
        {
            text.Append(Seconds(phone.Start)).Append('\t').Append(Seconds(phone.End)).Append('\t').Append(phone.Symbol.XSampa).Append('\n');
        }

        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text.ToString());
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a file written by <see cref="Write"/>; <see cref="InvalidDataException"/> naming the line when one is malformed.</summary>
    public static IReadOnlyList<TimedPhone> Read(string path, PhonemeInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var phones = new List<TimedPhone>();
        var number = 0;
        var previousEnd = 0.0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 3
                || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var start)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var end))
            {
                throw new InvalidDataException($"{path}:{number}: expected 'start<TAB>end<TAB>phone' in seconds, got '{line}'");
            }

            if (!inventory.TryGetByXSampa(parts[2], out var symbol) || symbol.Kind != PhonemeKind.Phone)
            {
                throw new InvalidDataException($"{path}:{number}: '{parts[2]}' is not a phone of inventory {inventory.Version}");
            }

            // A phone may take no time (espeak-ng reports some at the sample where the next one starts).
            if (!(start >= previousEnd - 1e-4) || !(end >= start) || !double.IsFinite(end))
            {
                throw new InvalidDataException($"{path}:{number}: times {start}-{end} do not follow {previousEnd} in order");
            }

            previousEnd = end;
            phones.Add(new TimedPhone(symbol, start, end));
        }

        return phones;
    }

    private static string Seconds(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
