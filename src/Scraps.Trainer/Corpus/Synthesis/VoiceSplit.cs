using Scraps.Data;

namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>
/// Which voices belong to which split, so that validation and test judge a model on voices it never heard: voices
/// matching a test pattern are test only, the others matching a validation pattern validation only (so espeak-ng's
/// en-029+f4 is a test voice when en-029 is held out for validation and *+f4 for test), the rest train.
/// Voices are held out, not whole synthesizers, so each held-out split can hold voices of several engines.
/// </summary>
internal sealed class VoiceSplit
{
    private VoiceSplit(IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<VoiceRef>>> pools) => Pools = pools;

    /// <summary>Split (train, valid, test) -> engine -> voices; a split or engine with no voices is absent.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<VoiceRef>>> Pools { get; }

    /// <exception cref="ArgumentException">
    /// A pattern matches no voice, a held-out speaker also speaks in training or in the other held-out split, a held-out
    /// split has voices of one engine only while several are in use, or no voice is left for training.
    /// </exception>
    public static VoiceSplit Create(IReadOnlyList<ISpeechSynthesizer> engines, IReadOnlyList<string> validPatterns, IReadOnlyList<string> testPatterns)
    {
        var voices = engines.SelectMany(e => e.Voices.Select(v => new VoiceRef(e.Name, v))).ToArray();
        CheckPatterns(voices, validPatterns, "--valid-voices");
        CheckPatterns(voices, testPatterns, "--test-voices");
        var assigned = voices.ToLookup(v => Matches(testPatterns, v) ? DataSplits.Test : Matches(validPatterns, v) ? DataSplits.Valid : DataSplits.Train);
        if (!assigned[DataSplits.Train].Any())
        {
            throw new ArgumentException("no voice is left for training: --valid-voices and --test-voices hold out every voice");
        }

        CheckSpeakers(assigned);
        if (engines.Count >= 2)
        {
            CheckEngines(assigned[DataSplits.Valid], "--valid-voices");
            CheckEngines(assigned[DataSplits.Test], "--test-voices");
        }

        var pools = assigned.ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<string, IReadOnlyList<VoiceRef>>)g.GroupBy(v => v.Synthesizer)
                .ToDictionary(e => e.Key, e => (IReadOnlyList<VoiceRef>)e.ToArray(), StringComparer.Ordinal),
            StringComparer.Ordinal);
        return new VoiceSplit(pools);
    }

    /// <summary>The patterns of <paramref name="defaults"/> that match a voice of these engines (defaults adapt to what is installed).</summary>
    public static IReadOnlyList<string> InstalledDefaults(IReadOnlyList<string> defaults, IReadOnlyList<ISpeechSynthesizer> engines)
    {
        var voices = engines.SelectMany(e => e.Voices.Select(v => new VoiceRef(e.Name, v))).ToArray();
        return defaults.Where(p => voices.Any(v => VoicePattern.Matches(p, v.Id))).ToArray();
    }

    public IReadOnlyList<VoiceRef> VoicesOf(string split) =>
        Pools.TryGetValue(split, out var engines) ? engines.Values.SelectMany(v => v).ToArray() : [];

    private static bool Matches(IReadOnlyList<string> patterns, VoiceRef voice) => patterns.Any(p => VoicePattern.Matches(p, voice.Id));

    private static void CheckPatterns(VoiceRef[] voices, IReadOnlyList<string> patterns, string option)
    {
        foreach (var pattern in patterns)
        {
            if (!voices.Any(v => VoicePattern.Matches(pattern, v.Id)))
            {
                throw new ArgumentException($"{option} pattern '{pattern}' matches no installed voice (voices are named engine:voice, e.g. flite:rms)");
            }
        }
    }

    private static void CheckSpeakers(ILookup<string, VoiceRef> assigned)
    {
        var training = assigned[DataSplits.Train].ToLookup(SpeakerIdentity.Of);
        foreach (var (split, option) in new[] { (DataSplits.Valid, "--valid-voices"), (DataSplits.Test, "--test-voices") })
        {
            foreach (var voice in assigned[split])
            {
                if (training[SpeakerIdentity.Of(voice)].FirstOrDefault() is { } twin)
                {
                    throw new ArgumentException(
                        $"{option}: {voice.Id} is the same speaker as {twin.Id}, which would train; hold out every voice of speaker {SpeakerIdentity.Of(voice)}");
                }
            }
        }

        var valid = assigned[DataSplits.Valid].Select(SpeakerIdentity.Of).ToHashSet(StringComparer.Ordinal);
        if (assigned[DataSplits.Test].FirstOrDefault(v => valid.Contains(SpeakerIdentity.Of(v))) is { } shared)
        {
            throw new ArgumentException($"--test-voices: {shared.Id} is the same speaker as a validation voice; a speaker belongs to one split");
        }
    }

    private static void CheckEngines(IEnumerable<VoiceRef> heldOut, string option)
    {
        var engines = heldOut.Select(v => v.Synthesizer).Distinct(StringComparer.Ordinal).ToArray();
        if (engines.Length == 1)
        {
            throw new ArgumentException(
                $"{option} holds out voices of {engines[0]} only; name voices of at least two synthesizers, so the split does not measure one engine");
        }
    }
}
