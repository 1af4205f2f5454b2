using Scraps.Model.Runtime;
using Scraps.Model.Training;
using TorchSharp;

namespace Scraps.Model.Tests.Training;

public sealed class BatchCollatorTests
{
    private readonly TorchDeviceInfo _cpu = TorchRuntime.Initialize(new TorchRuntimeOptions { Device = "cpu" });

    [Fact]
    public void Pads_ids_and_features_and_records_the_lengths()
    {
        var data = new TrainingTestData(train: 6, valid: 0);
        var items = new[] { data.Train[0], data.Train[1], data.Train[2] };
        var collator = new BatchCollator(data, TrainingTestData.Bins, _cpu.Device);
        var host = collator.Prepare(items);

        var maxTokens = items.Max(u => u.PhonemeIds.Length);
        var maxFrames = items.Max(u => u.Frames);
        Assert.Equal((3, maxTokens, maxFrames), (host.Count, host.MaxTokens, host.MaxFrames));
        Assert.Equal(items.Select(u => (long)u.PhonemeIds.Length), host.IdLengths);
        Assert.Equal(items.Select(u => (long)u.Frames), host.FeatureLengths);
        for (var b = 0; b < 3; b++)
        {
            var expected = new float[items[b].Frames * TrainingTestData.Bins];
            data.ReadStandardizedFeatures(items[b].Index, expected);
            var row = host.Features.AsSpan(b * maxFrames * TrainingTestData.Bins, maxFrames * TrainingTestData.Bins);
            Assert.Equal(expected, row[..expected.Length].ToArray());
            Assert.All(row[expected.Length..].ToArray(), v => Assert.Equal(0f, v));
            Assert.Equal(items[b].PhonemeIds.Select(i => (long)i), host.Ids.Skip(b * maxTokens).Take(items[b].PhonemeIds.Length));
            Assert.All(host.Ids.Skip(b * maxTokens + items[b].PhonemeIds.Length).Take(maxTokens - items[b].PhonemeIds.Length), id => Assert.Equal(0L, id));
        }

        using var scope = torch.NewDisposeScope();
        var tensors = collator.ToDevice(host);
        Assert.Equal([3L, maxTokens], tensors.Ids.shape);
        Assert.Equal([3L, maxFrames, TrainingTestData.Bins], tensors.Features.shape);
        Assert.Equal(torch.ScalarType.Int64, tensors.FeatureLengths.dtype);
        Assert.Equal(host.Features[5], tensors.Features.view(-1)[5].item<float>());
    }

    [Fact]
    public void Augments_only_when_given_an_augmenter_and_a_random_stream()
    {
        var data = new TrainingTestData(train: 4, valid: 0, framesPerPhoneme: 20);
        var collator = new BatchCollator(data, TrainingTestData.Bins, _cpu.Device);
        var options = new TrainingOptions { Config = TrainingTestConfigs.Tiny(12), TimeMasks = 2, TimeMaskMaxFrames = 10, FrequencyMasks = 2, FrequencyMaskMaxBins = 10 };
        var items = data.Train.Take(2).ToArray();
        var plain = collator.Prepare(items);
        var augmented = collator.Prepare(items, new SpecAugment(options, TrainingTestData.Bins), new DeterministicRandom(1, RandomPurpose.Augmentation, 7));
        Assert.True(augmented.Features.Count(v => v == 0) > plain.Features.Count(v => v == 0));
        Assert.Equal(plain.Ids, augmented.Ids);
    }

    [Fact]
    public void Mixes_before_masking_and_keeps_ids_lengths_and_padding()
    {
        var data = new TrainingTestData(train: 4, valid: 0, framesPerPhoneme: 20);
        var collator = new BatchCollator(data, TrainingTestData.Bins, _cpu.Device);
        var options = new TrainingOptions { Config = TrainingTestConfigs.Tiny(12), MixAugmentProbability = 1, TimeMasks = 1, FrequencyMasks = 0 };
        var items = data.Train.Take(3).ToArray();
        var plain = collator.Prepare(items);
        var mixed = collator.Prepare(items, null, new DeterministicRandom(1, RandomPurpose.Augmentation, 7), new FeatureMixing(options, TrainingTestData.Bins));
        var masked = collator.Prepare(items, new SpecAugment(options, TrainingTestData.Bins), new DeterministicRandom(1, RandomPurpose.Augmentation, 7),
            new FeatureMixing(options, TrainingTestData.Bins));
        Assert.Equal(plain.Ids, mixed.Ids);
        Assert.Equal(plain.FeatureLengths, mixed.FeatureLengths);
        for (var b = 0; b < 3; b++)
        {
            var clip = b * plain.MaxFrames * TrainingTestData.Bins;
            var used = items[b].Frames * TrainingTestData.Bins;
            Assert.NotEqual(plain.Features.AsSpan(clip, used).ToArray(), mixed.Features.AsSpan(clip, used).ToArray());
            Assert.All(mixed.Features.AsSpan(clip + used, (plain.MaxFrames * TrainingTestData.Bins) - used).ToArray(), v => Assert.Equal(0f, v));
        }
        // Same stream: the masked batch is the mixed batch with whole frames zeroed.
        Assert.All(Enumerable.Range(0, mixed.Features.Length), i => Assert.True(masked.Features[i] == mixed.Features[i] || masked.Features[i] == 0));
        Assert.True(masked.Features.Count(v => v == 0) > mixed.Features.Count(v => v == 0));
    }
}
