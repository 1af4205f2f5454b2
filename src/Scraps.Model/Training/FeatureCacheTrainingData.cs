using Scraps.Data;

namespace Scraps.Model.Training;

/// <summary>The train and valid splits of a <see cref="FeatureCache"/> as training data (the cache stays owned by the caller).</summary>
public sealed class FeatureCacheTrainingData : ITrainingData
{
    private readonly FeatureCache _cache;

    public FeatureCacheTrainingData(FeatureCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
        Train = Select(DataSplits.Train);
        Valid = Select(DataSplits.Valid);
    }

    public IReadOnlyList<TrainingUtterance> Train { get; }

    public IReadOnlyList<TrainingUtterance> Valid { get; }

    public string InventoryVersion => _cache.InventoryVersion;

    /// <summary>Largest phoneme id used plus one: the smallest vocabulary that can embed every utterance.</summary>
    public int MinimumVocabSize =>
        _cache.Utterances.Count == 0 ? 0 : _cache.Utterances.Max(u => u.PhonemeIds.Length == 0 ? 0 : u.PhonemeIds.Max()) + 1;

    public void ReadStandardizedFeatures(int index, Span<float> destination) => _cache.ReadStandardizedFeatures(index, destination);

    private TrainingUtterance[] Select(string split) =>
        _cache.Utterances
            .Where(u => u.Split == split)
            .Select(u => new TrainingUtterance(u.Index, u.Id, u.Voice, u.Frames, u.PhonemeIds) { PhoneFrames = u.PhoneFrames })
            .ToArray();
}
