using System.Text.RegularExpressions;

namespace Scraps.Trainer.Corpus.Import;

/// <summary>
/// Free Spoken Digit Dataset (Jakobovski/free-spoken-digit-dataset, CC BY-SA 4.0): <c>recordings/DIGIT_SPEAKER_N.wav</c>,
/// one English digit per clip at 8 kHz (the front end resamples it like any clip). The transcript is the digit's
/// word; the speaker is in the name.
/// </summary>
internal static partial class SpokenDigitReader
{
    public const string Name = "fsdd";
    private const string Folder = "recordings";
    private static readonly string[] Words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    public static bool Matches(string root) =>
        Directory.Exists(Path.Combine(root, Folder)) && Directory.EnumerateFiles(Path.Combine(root, Folder), "*.wav").Any(f => FileName().IsMatch(Path.GetFileName(f)));

    public static IEnumerable<ImportedUtterance> Read(string root, ICollection<string> problems)
    {
        foreach (var path in Directory.EnumerateFiles(Path.Combine(root, Folder)).Order(StringComparer.Ordinal))
        {
            var match = FileName().Match(Path.GetFileName(path));
            if (!match.Success)
            {
                problems.Add($"{path}: not DIGIT_SPEAKER_N.wav");
                continue;
            }

            var digit = match.Groups["digit"].Value[0] - '0';
            var speaker = match.Groups["speaker"].Value;
            yield return new ImportedUtterance($"{Name}-{Path.GetFileNameWithoutExtension(path)}", path, Words[digit], speaker, Split: null) { Source = Name };
        }
    }

    [GeneratedRegex(@"^(?<digit>[0-9])_(?<speaker>[A-Za-z0-9]+)_(?<n>[0-9]+)\.wav$")]
    private static partial Regex FileName();
}
