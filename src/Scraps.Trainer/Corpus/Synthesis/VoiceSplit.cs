using Scraps.Model.Data;

namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>
/// Which voices belong to which split, so that validation and test judge a model on voices it never heard:
/// every voice of the test engine is test only; voices matching a validation pattern are validation only;
/// the rest are for training.
/// </summary>
internal sealed class VoiceSplit
{
    private VoiceSplit(IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<VoiceRef>>> pools) => Pools = pools;

    /// <summary>Split (train, valid, test) -> engine -> voices; a split or engine with no voices is absent.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<VoiceRef>>> Pools { get; }

    /// <exception cref="ArgumentException">
    /// The test engine is not available, a validation pattern matches no voice, or no voice is left for training.
    /// </exception>
    public static VoiceSplit Create(IReadOnlyList<ISpeechSynthesizer> engines, IReadOnlyList<string> validPatterns, string? testEngine)
    {
        if (testEngine is not null && engines.All(e => e.Name != testEngine))
        {
            throw new ArgumentException(
                $"--test-synth {testEngine}: that synthesizer is not in use (in use: {string.Join(", ", engines.Select(e => e.Name))}); name one of those or 'none'");
        }

        var voices = engines.SelectMany(e => e.Voices.Select(v => new VoiceRef(e.Name, v))).ToArray();
        foreach (var pattern in validPatterns)
        {
            if (!voices.Any(v => v.Synthesizer != testEngine && VoicePattern.Matches(pattern, v.Id)))
            {
                throw new ArgumentException($"--valid-voices pattern '{pattern}' matches no available voice outside the test synthesizer");
            }
        }

        var assigned = voices.GroupBy(v =>
            v.Synthesizer == testEngine ? DataSplits.Test
            : validPatterns.Any(p => VoicePattern.Matches(p, v.Id)) ? DataSplits.Valid
            : DataSplits.Train);
        var pools = assigned.ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<string, IReadOnlyList<VoiceRef>>)g.GroupBy(v => v.Synthesizer)
                .ToDictionary(e => e.Key, e => (IReadOnlyList<VoiceRef>)e.ToArray(), StringComparer.Ordinal),
            StringComparer.Ordinal);
        if (!pools.ContainsKey(DataSplits.Train))
        {
            throw new ArgumentException("no voice is left for training: the held-out voices and synthesizer cover them all");
        }

        return new VoiceSplit(pools);
    }

    public IReadOnlyList<VoiceRef> VoicesOf(string split) =>
        Pools.TryGetValue(split, out var engines) ? engines.Values.SelectMany(v => v).ToArray() : [];
}
