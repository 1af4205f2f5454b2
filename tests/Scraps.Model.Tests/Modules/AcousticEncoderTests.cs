using static TorchSharp.torch;

namespace Scraps.Model.Tests.Modules;

public sealed class AcousticEncoderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Forward_padded_batch_equals_one_by_one_at_valid_steps(int subsampling)
    {
        using var net = TestModels.Net(subsampling);
        net.eval();
        using var scope = NewDisposeScope();
        long[] lengths = [13, 1, 8, 2, 5];
        var features = TestModels.FeatureBatch(lengths, seed: subsampling);

        var (batch, batchLengths) = net.Acoustic.forward(features, tensor(lengths));

        var config = TestModels.Tiny(subsampling);
        Assert.Equal(lengths.Select(config.SubsampledLength).ToArray(), batchLengths.data<long>().ToArray());
        Assert.Equal(config.SubsampledLength(features.shape[1]), batch.shape[1]);
        for (int b = 0; b < lengths.Length; b++)
        {
            var (single, singleLengths) = net.Acoustic.forward(features[b, TensorIndex.Slice(0, lengths[b])].unsqueeze(0), tensor(new[] { lengths[b] }));
            long steps = singleLengths.item<long>();
            Assert.Equal(single.shape[1], steps);
            Assert.True(single[0].allclose(batch[b, TensorIndex.Slice(0, steps)], rtol: 1e-4, atol: 1e-5), $"row {b}, s={subsampling}");
        }
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(4, 2)]
    public void Constructor_builds_log_2_subsampling_convolutions(int subsampling, int convolutions)
    {
        using var net = TestModels.Net(subsampling);

        Assert.Equal(convolutions, net.Acoustic.Subsampling.Count);
        Assert.All(net.Acoustic.Subsampling, c => Assert.Equal([16L, 16, 3], c.weight!.shape));
        Assert.Equal([16L, 80], net.Acoustic.Prenet.weight!.shape);
        Assert.Equal(2, net.Acoustic.Blocks.Count);
    }

    [Fact]
    public void Forward_returns_lengths_that_are_not_the_callers_tensor()
    {
        using var net = TestModels.Net(1);
        using var scope = NewDisposeScope();
        var lengths = tensor(new long[] { 4 });

        var (_, outLengths) = net.Acoustic.forward(randn(1, 4, 80), lengths);

        Assert.NotSame(lengths, outLengths);
        Assert.Equal(4, outLengths.item<long>());
    }

    [Fact]
    public void Forward_rejects_bad_inputs_with_clear_messages()
    {
        using var net = TestModels.Net(2);
        using var scope = NewDisposeScope();

        Assert.Contains("[batch, frames, 80]", Assert.Throws<ArgumentException>(() => net.Acoustic.forward(randn(1, 5, 40), tensor(new long[] { 5 }))).Message);
        Assert.Contains("[batch, frames, 80]", Assert.Throws<ArgumentException>(() => net.Acoustic.forward(randn(1, 5, 80, dtype: ScalarType.Float64), tensor(new long[] { 5 }))).Message);
        Assert.Contains("lengths must lie in [1, 5]", Assert.Throws<ArgumentException>(() => net.Acoustic.forward(randn(1, 5, 80), tensor(new long[] { 6 }))).Message);
        Assert.Contains("maxPositions 64", Assert.Throws<ArgumentException>(() => net.Acoustic.forward(randn(1, 200, 80), tensor(new long[] { 200 }))).Message);
    }
}
