using System.Text.RegularExpressions;

namespace Scraps.Trainer.Corpus.Import;

/// <summary>
/// The Toronto emotional speech set (TESS; CC BY-NC-ND 4.0, as mirrored in deepxzy/Toronto-emotional-speech-set):
/// two speakers (OAF, YAF) say "Say the word X" for 200 NU-6 words in seven emotions. Clips are
/// <c>SPEAKER_WORD_EMOTION.wav</c> in emotion folders (the original layout and the mirror's <c>datasets/train/</c>) or
/// <c>NtestSPEAKER_WORD_EMOTIONK.wav</c> (the mirror's <c>datasets/testnew/</c>). Its licence allows evaluation and
/// calibration only, never a shipped model's weights: its two speakers go to valid and test, none to train.
/// </summary>
internal static partial class TorontoEmotionalSpeechReader
{
    public const string Name = "tess";

    public static bool Matches(string root) => Clips(root).Any();

    public static IEnumerable<ImportedUtterance> Read(string root, ICollection<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(root, "*.wav", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var match = FileName().Match(Path.GetFileName(path));
            if (!match.Success)
            {
                problems.Add($"{path}: not SPEAKER_WORD_EMOTION.wav");
                continue;
            }

            var speaker = match.Groups["speaker"].Value.ToUpperInvariant() is "OA" ? "OAF" : match.Groups["speaker"].Value.ToUpperInvariant();
            var word = match.Groups["word"].Value.ToLowerInvariant();
            var emotion = match.Groups["emotion"].Value.ToLowerInvariant();
            var id = $"{Name}-{speaker}-{word}-{emotion}";
            if (!seen.Add(id))
            {
                problems.Add($"{path}: a second recording of {speaker} saying '{word}' ({emotion}) skipped");
                continue;
            }

            yield return new ImportedUtterance(id, path, $"Say the word {word}.", speaker, Split: null) { Source = Name, EvaluationOnly = true };
        }
    }

    private static IEnumerable<string> Clips(string root) =>
        Directory.Exists(root) ? Directory.EnumerateFiles(root, "*.wav", SearchOption.AllDirectories).Where(f => FileName().IsMatch(Path.GetFileName(f))) : [];

    // "OAF_back_angry.wav", "YAF_pleasant_surprised/..", "12testOAF_cheek_angry55.wav", "751testOA_bite_neutral48.wav"
    [GeneratedRegex(@"^(?:[0-9]+test)?(?<speaker>[OY]AF?)_(?<word>[A-Za-z]+)_(?<emotion>[A-Za-z]+(?:_[A-Za-z]+)?)[0-9]*\.wav$", RegexOptions.IgnoreCase)]
    private static partial Regex FileName();
}
