using Scraps.Data;
using Scraps.Trainer.Corpus.Augmentation;
using Scraps.Trainer.Corpus.Text;

namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>
/// Decides each clip from (seed, clip number) alone: its split (by the split shares), engine (by the weights, among
/// the engines with voices in that split), voice, synthesizer settings, augmentations, and last its text (kind by
/// <see cref="TextKindSchedule"/>; a passage's length follows the clip's speaking rate). Clip i is the same whatever
/// the clip count, so a corpus can be grown by re-running with a larger --clips.
/// </summary>
internal sealed class ClipPlanner
{
    /// <summary>
    /// Characters per second at rate 1, measured on a 300-character passage: espeak-ng 18.1 (en-us, en-gb+f3), flite
    /// 15.8-18.9 (slt to rms), festival 14.4 (diphone voices) and 16.9 (slt HTS). Only passage lengths use them.
    /// </summary>
    private static readonly Dictionary<string, double> CharactersPerSecond = new(StringComparer.Ordinal)
    {
        [EspeakSynthesizer.EngineName] = 18.1,
        [FliteSynthesizer.EngineName] = 17.0,
        [FestivalSynthesizer.EngineName] = 15.2,
    };

    private readonly VoiceSplit _split;
    private readonly IReadOnlyDictionary<string, ISpeechSynthesizer> _engines;
    private readonly SynthesisOptions _options;
    private readonly TextPlanner _text;
    private readonly int _babbleTracks;
    private readonly IReadOnlyList<string> _codecs;
    private readonly (string Split, double Share)[] _splits;

    public ClipPlanner(TextPlanner text, VoiceSplit split, IReadOnlyList<ISpeechSynthesizer> engines, SynthesisOptions options, int babbleTracks)
    {
        _text = text;
        _split = split;
        _engines = engines.ToDictionary(e => e.Name, StringComparer.Ordinal);
        _options = options;
        _babbleTracks = babbleTracks;
        _codecs = options.Codecs;
        _splits = new[]
        {
            (DataSplits.Train, 1 - options.ValidShare - options.TestShare),
            (DataSplits.Valid, options.ValidShare),
            (DataSplits.Test, options.TestShare),
        }.Where(s => s.Item2 > 0 && split.Pools.ContainsKey(s.Item1)).ToArray();
    }

    public static string ClipId(int index) => $"syn{index:D7}";

    public static string ClipAudioPath(int index) => $"wavs/{index / 1000:D4}/{ClipId(index)}.wav";

    private double VoiceWeight(VoiceRef voice) =>
        _options.VoiceWeights.FirstOrDefault(w => VoicePattern.Matches(w.Key, voice.Id)) is { Key: not null } match ? match.Value : 1;

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
        var voices = pool[engine];
        var voice = _options.VoiceWeights.Count == 0 ? random.Pick(voices) : voices[random.PickWeighted(voices.Select(VoiceWeight).ToArray())];
        var settings = _engines[engine].DrawSettings(voice.Name, random);
        var augmentation = AugmentationSampler.Draw(random, _options.Augmentation, _babbleTracks, _codecs);
        var rate = CharactersPerSecond.GetValueOrDefault(engine, 16.5) * settings.Rate * augmentation.Speed * augmentation.Tempo;
        var text = _text.Plan(index, random, rate, augmentation.LeadSilence + augmentation.TrailSilence);
        return new ClipPlan(index, ClipId(index), ClipAudioPath(index), split, voice, text, settings, augmentation);
    }
}
