using Scraps.Model.Training;

namespace Scraps.Trainer.Fit;

/// <summary>
/// Random utterances of one length for speed measurements: every clip has the same number of frames and
/// phonemes (no padding), features are standard normal, phoneme ids uniform over the vocabulary.
/// </summary>
internal sealed class SyntheticTrainingData : ITrainingData
{
    private readonly float[][] _features;

    public SyntheticTrainingData(int utterances, int frames, int phonemes, int vocabSize, int melBins, int seed = 1)
    {
        if (utterances < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(utterances), utterances, "At least 2 utterances are needed.");
        }

        if (frames < 1 || phonemes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(frames), $"{frames} frames, {phonemes} phonemes: both must be positive.");
        }

        if (vocabSize < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(vocabSize), vocabSize, "The vocabulary needs padding and at least one phoneme.");
        }

        var random = new Random(seed);
        var train = new TrainingUtterance[utterances];
        _features = new float[utterances][];
        for (var i = 0; i < utterances; i++)
        {
            var ids = Enumerable.Range(0, phonemes).Select(_ => random.Next(1, vocabSize)).ToArray();
            train[i] = new TrainingUtterance(i, $"synthetic{i}", "synthetic", frames, ids);
            _features[i] = Enumerable.Range(0, frames * melBins).Select(_ => (float)Normal(random)).ToArray();
        }
        Train = train;
    }

    public IReadOnlyList<TrainingUtterance> Train { get; }

    public IReadOnlyList<TrainingUtterance> Valid { get; } = [];

    public string InventoryVersion => "synthetic";

    public void ReadStandardizedFeatures(int index, Span<float> destination) => _features[index].CopyTo(destination);

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
