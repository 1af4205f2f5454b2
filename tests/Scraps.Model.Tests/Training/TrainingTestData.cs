using Scraps.Model.Training;

namespace Scraps.Model.Tests.Training;

/// <summary>
/// In-memory training data for loop tests: utterance i has a short phoneme sequence and features whose
/// frames encode those phonemes (each phoneme lights its own mel band for a few frames), so a model can
/// learn to match them without any audio.
/// </summary>
internal sealed class TrainingTestData : ITrainingData
{
    public const int Bins = 80;

    private readonly Dictionary<int, float[]> _features = [];

    /// <param name="englishWords">
    /// Transcripts in the espeak-ng en-us inventory: 2-3 words of 2-3 phones with word boundaries between them (what the
    /// CTC head and the near-miss sampler need); otherwise ids 1..vocab-1 of a test inventory.
    /// </param>
    public TrainingTestData(int train, int valid, int vocab = 12, int seed = 5, int framesPerPhoneme = 4, bool englishWords = false)
    {
        var random = new Random(seed);
        var all = new List<TrainingUtterance>();
        var english = Scraps.Phonetics.PhonemeInventory.EnglishUs;
        var phones = english.Symbols.Where(x => x.Kind == Scraps.Phonetics.PhonemeKind.Phone).Select(x => x.Id).Take(20).ToArray();
        if (englishWords)
        {
            vocab = english.Count;
            InventoryVersion = english.Version;
        }
        for (var i = 0; i < train + valid; i++)
        {
            var tokens = englishWords
                ? string.Join(",1,", Enumerable.Range(0, random.Next(2, 4)).Select(_ => string.Join(",", Enumerable.Range(0, random.Next(2, 4)).Select(_ => phones[random.Next(phones.Length)]))))
                    .Split(',').Select(int.Parse).ToArray()
                : Enumerable.Range(0, random.Next(3, 7)).Select(_ => random.Next(1, vocab)).ToArray();
            var frames = tokens.Length * framesPerPhoneme + random.Next(0, 5);
            var f = new float[frames * Bins];
            for (var t = 0; t < frames; t++)
            {
                var phoneme = tokens[Math.Min(t / framesPerPhoneme, tokens.Length - 1)] % 13;
                for (var b = 0; b < Bins; b++)
                {
                    f[t * Bins + b] = (b / 6 == phoneme ? 2f : -0.3f) + (float)(random.NextDouble() - 0.5) * 0.2f;
                }
            }
            _features[i] = f;
            all.Add(new TrainingUtterance(i, $"u{i}", i < train ? $"v{i % 3}" : "held-out", frames, tokens));
        }
        Train = all.Take(train).ToArray();
        Valid = all.Skip(train).ToArray();
        Vocab = vocab;
    }

    public int Vocab { get; }

    public IReadOnlyList<TrainingUtterance> Train { get; }

    public IReadOnlyList<TrainingUtterance> Valid { get; }

    public string InventoryVersion { get; } = "test-inventory-1";

    public int Reads { get; private set; }

    public void ReadStandardizedFeatures(int index, Span<float> destination)
    {
        Reads++;
        _features[index].CopyTo(destination);
    }

    /// <summary>Utterances with given frame counts and phonemes (for sampler tests; no features).</summary>
    public static TrainingUtterance[] Lengths(params int[] frames) =>
        frames.Select((f, i) => new TrainingUtterance(i, $"u{i}", "v", f, [i + 1])).ToArray();
}
