using Scraps.Trainer.Fit;

namespace Scraps.Trainer.Tests.Fit;

public sealed class SyntheticTrainingDataTests
{
    [Fact]
    public void Makes_equal_length_utterances_with_ids_inside_the_vocabulary()
    {
        var data = new SyntheticTrainingData(utterances: 6, frames: 50, phonemes: 9, vocabSize: 20, melBins: 80);
        Assert.Equal(6, data.Train.Count);
        Assert.Empty(data.Valid);
        Assert.All(data.Train, u =>
        {
            Assert.Equal(50, u.Frames);
            Assert.Equal(9, u.PhonemeIds.Length);
            Assert.All(u.PhonemeIds, id => Assert.InRange(id, 1, 19));
        });
        var features = new float[50 * 80];
        data.ReadStandardizedFeatures(3, features);
        var mean = features.Average();
        var variance = features.Select(v => (v - mean) * (v - mean)).Average();
        Assert.InRange(mean, -0.1, 0.1);
        Assert.InRange(variance, 0.9, 1.1);
    }

    [Fact]
    public void Rejects_sizes_that_cannot_train()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticTrainingData(1, 10, 3, 20, 80));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticTrainingData(4, 0, 3, 20, 80));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticTrainingData(4, 10, 3, 1, 80));
    }
}
