using Scraps.Model.Data;
using Scraps.Trainer.Corpus.Augmentation;

namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>
/// Decides each clip from (seed, clip number) alone: its split (by the split shares), engine (by the weights,
/// among the engines with voices in that split), voice, sentence (a seeded permutation of the sentences, so
/// texts repeat only after all were used), synthesizer settings and augmentations. Clip i is the same whatever
/// the clip count, so a corpus can be grown by re-running with a larger --clips.
/// </summary>
internal sealed class ClipPlanner
{
    private readonly IReadOnlyList<string> _sentences;
    private readonly int[] _order;
    private readonly VoiceSplit _split;
    private readonly IReadOnlyDictionary<string, ISpeechSynthesizer> _engines;
    private readonly SynthesisOptions _options;
    private readonly int _babbleTracks;
    private readonly (string Split, double Share)[] _splits;

    public ClipPlanner(IReadOnlyList<string> sentences, VoiceSplit split, IReadOnlyList<ISpeechSynthesizer> engines, SynthesisOptions options, int babbleTracks)
    {
        _sentences = sentences;
        _split = split;
        _engines = engines.ToDictionary(e => e.Name, StringComparer.Ordinal);
        _options = options;
        _babbleTracks = babbleTracks;
        _order = Permutation(sentences.Count, SeededRandom.For(options.Seed, "texts", 0));
        _splits = new[]
        {
            (DataSplits.Train, 1 - options.ValidShare - options.TestShare),
            (DataSplits.Valid, options.ValidShare),
            (DataSplits.Test, options.TestShare),
        }.Where(s => s.Item2 > 0 && split.Pools.ContainsKey(s.Item1)).ToArray();
    }

    public static string ClipId(int index) => $"syn{index:D7}";

    public static string ClipAudioPath(int index) => $"wavs/{index / 1000:D4}/{ClipId(index)}.wav";

    public ClipPlan Plan(int index)
    {
        var random = SeededRandom.For(_options.Seed, "clip", index);
        var split = _splits[random.PickWeighted(_splits.Select(s => s.Share).ToArray())].Split;
        var pool = _split.Pools[split];
        var engines = pool.Keys.Order(StringComparer.Ordinal).ToArray();
        var weights = engines.Select(e => _options.Weights.GetValueOrDefault(e, 0)).ToArray();
        if (weights.Sum() <= 0)
        {
            weights = engines.Select(_ => 1.0).ToArray();
        }

        var engine = engines[random.PickWeighted(weights)];
        var voice = random.Pick(pool[engine]);
        var text = _sentences[_order[index % _sentences.Count]];
        var settings = _engines[engine].DrawSettings(voice.Name, random);
        var augmentation = AugmentationSampler.Draw(random, _options.Augmentation, _babbleTracks);
        return new ClipPlan(index, ClipId(index), ClipAudioPath(index), split, voice, text, settings, augmentation);
    }

    private static int[] Permutation(int count, SeededRandom random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}
