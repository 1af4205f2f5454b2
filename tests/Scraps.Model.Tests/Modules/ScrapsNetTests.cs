using Scraps.Model.Loss;
using Scraps.Model.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace Scraps.Model.Tests.Modules;

public sealed class ScrapsNetTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Embeddings_of_a_padded_batch_equal_one_by_one(int subsampling)
    {
        using var net = TestModels.Net(subsampling);
        net.eval();
        using var scope = NewDisposeScope();
        long[] phonemeLengths = [6, 1, 4];
        long[] frameLengths = [1, 17, 9];
        var ids = TestModels.PhonemeBatch(phonemeLengths, 12, seed: 11);
        var features = TestModels.FeatureBatch(frameLengths, seed: 12);

        var (phonetic, acoustic) = net.forward(ids, tensor(phonemeLengths), features, tensor(frameLengths));

        Assert.Equal([3L, 24], phonetic.shape);
        Assert.Equal([3L, 24], acoustic.shape);
        for (int b = 0; b < 3; b++)
        {
            var p = net.EmbedPhonemes(ids[b, TensorIndex.Slice(0, phonemeLengths[b])].unsqueeze(0), tensor(new[] { phonemeLengths[b] }));
            var a = net.EmbedAcoustic(features[b, TensorIndex.Slice(0, frameLengths[b])].unsqueeze(0), tensor(new[] { frameLengths[b] }));
            Assert.True(p[0].allclose(phonetic[b], rtol: 1e-4, atol: 1e-5), $"phonetic row {b}");
            Assert.True(a[0].allclose(acoustic[b], rtol: 1e-4, atol: 1e-5), $"acoustic row {b}");
        }
    }

    [Fact]
    public void EmbedPhonemes_is_the_shared_lstm_output_at_the_last_valid_step()
    {
        using var net = TestModels.Net();
        net.eval();
        using var scope = NewDisposeScope();
        var ids = TestModels.PhonemeBatch([3], 12, seed: 2);

        var sequence = net.Phonetic.forward(ids, tensor(new long[] { 3 }));
        var (output, _, _) = net.Integrator.forward(sequence);

        Assert.True(net.EmbedPhonemes(ids, tensor(new long[] { 3 }))[0].allclose(output[0, 2], atol: 1e-6));
        Assert.Single(net.named_children(), c => c.name == "integrator");
    }

    [Fact]
    public void Forward_rejects_batches_of_different_sizes()
    {
        using var net = TestModels.Net();
        using var scope = NewDisposeScope();

        var e = Assert.Throws<ArgumentException>(() =>
            net.forward(TestModels.PhonemeBatch([2, 2], 12, 1), tensor(new long[] { 2, 2 }), randn(1, 4, 80), tensor(new long[] { 4 })));

        Assert.Contains("got 2 and 1", e.Message);
    }

    [Fact]
    public void Constructor_inside_a_dispose_scope_keeps_its_weights_after_the_scope()
    {
        TorchTestEnvironment.EnsureCpu();
        ScrapsNet net;
        using (NewDisposeScope())
        {
            net = new ScrapsNet(TestModels.Tiny(2));
        }
        using (net)
        using (NewDisposeScope())
        {
            var vectors = net.EmbedAcoustic(randn(2, 9, 80), tensor(new long[] { 9, 4 }));
            Assert.Equal([2L, 24], vectors.shape);
            Assert.False(net.Phonetic.PositionTable.IsInvalid);
            Assert.All(net.parameters(), p => Assert.False(p.IsInvalid));
        }
    }

    [Fact]
    public void Constructor_requires_a_vocabulary_size()
    {
        TorchTestEnvironment.EnsureCpu();

        var e = Assert.Throws<InvalidDataException>(() => new ScrapsNet(TestModels.Tiny() with { VocabSize = 0 }));

        Assert.Contains("vocabSize is 0", e.Message);
    }

    [Fact]
    public void SaveWeights_then_load_weights_gives_the_same_embeddings()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scraps-net-{Guid.NewGuid():N}", "weights.bin");
        try
        {
            using var net = TestModels.Net(2, seed: 21);
            net.eval();
            net.SaveWeights(path);
            using var loaded = ScrapsNet.LoadWeights(path, TestModels.Tiny(2));
            loaded.eval();
            using var scope = NewDisposeScope();
            var features = TestModels.FeatureBatch([7, 3], seed: 5);

            var expected = net.EmbedAcoustic(features, tensor(new long[] { 7, 3 }));
            var actual = loaded.EmbedAcoustic(features, tensor(new long[] { 7, 3 }));

            Assert.True(actual.eq(expected).all().item<bool>());
            Assert.Contains("phonetic.blocks.0.attention.query.weight", net.state_dict().Keys);
            Assert.Contains("acoustic.subsampling.0.weight", net.state_dict().Keys);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void LoadWeights_rejects_weights_of_another_config()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scraps-net-{Guid.NewGuid():N}.bin");
        try
        {
            using (var net = TestModels.Net(2))
            {
                net.SaveWeights(path);
            }

            var e = Assert.Throws<InvalidDataException>(() => ScrapsNet.LoadWeights(path, TestModels.Tiny(4)));

            Assert.Contains("does not match config 'tiny'", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadWeights_rejects_a_missing_file()
    {
        TorchTestEnvironment.EnsureCpu();

        Assert.Throws<FileNotFoundException>(() => ScrapsNet.LoadWeights("/nonexistent/weights.bin", TestModels.Tiny()));
    }

    [Fact]
    public void TrainingSteps_inside_dispose_scopes_leak_no_tensors()
    {
        using var net = TestModels.Net(2, dropout: 0.1);
        net.train();
        var loss = new SymmetricContrastiveLoss();
        using var optimizer = optim.Adam(net.parameters(), lr: 1e-3);
        long[] phonemeLengths = [5, 2, 7, 1];
        long[] frameLengths = [11, 3, 20, 1];
        using var ids = TestModels.PhonemeBatch(phonemeLengths, 12, seed: 1);
        using var features = TestModels.FeatureBatch(frameLengths, seed: 2);
        using var idLengths = tensor(phonemeLengths);
        using var featureLengths = tensor(frameLengths);

        float Step()
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var (p, a) = net.forward(ids, idLengths, features, featureLengths);
            var value = loss.Compute(p, a);
            value.backward();
            optimizer.step();
            return value.item<float>();
        }

        Step(); // creates gradients and Adam state once
        Step();
        long live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var losses = Enumerable.Range(0, 5).Select(_ => Step()).ToList();

        Assert.Equal(live, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        Assert.All(losses, l => Assert.True(float.IsFinite(l)));
    }
}
