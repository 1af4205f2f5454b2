namespace Scraps.Trainer.Corpus.Import;

/// <summary>
/// Picovoice wake-word-benchmark (Apache-2.0): <c>audio/PHRASE/*.wav</c> (and <c>.flac</c>), each clip one wake phrase (alexa, computer,
/// jarvis, smart mirror, snowboy, view glass) said by one of 50+ people. The transcript is the folder's name. The
/// files are named by UUIDs and no list says who spoke which, so the clips are split by a hash of their names and a
/// speaker may be heard in more than one split.
/// </summary>
internal static class WakeWordReader
{
    public const string Name = "wake-word";
    private const string Folder = "audio";

    public static bool Matches(string root) =>
        Directory.Exists(Path.Combine(root, Folder))
        && Directory.EnumerateDirectories(Path.Combine(root, Folder)).Any(d => Directory.EnumerateFiles(d).Any(IsAudio));

    private static bool IsAudio(string path) =>
        path.EndsWith(".wav", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".flac", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<ImportedUtterance> Read(string root, ICollection<string> problems)
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.Combine(root, Folder)).Order(StringComparer.Ordinal))
        {
            var phrase = Path.GetFileName(folder).Replace('_', ' ').Trim();
            if (phrase.Length == 0 || !phrase.Any(char.IsLetter))
            {
                problems.Add($"{folder}: a folder name that is not a phrase");
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                if (!IsAudio(path))
                {
                    problems.Add($"{path}: not a .wav or .flac file");
                    continue;
                }

                var id = $"{Name}-{phrase.Replace(' ', '-')}-{Path.GetFileNameWithoutExtension(path)}";
                yield return new ImportedUtterance(id, path, phrase, null, SpeakerSplit.ByClip(id, 0.1, 0.1)) { Source = Name };
            }
        }
    }
}
