using static TorchSharp.torch;

namespace Scraps.Model.Tests.Modules;

public sealed class PhoneticEncoderTests
{
    [Fact]
    public void Forward_padded_batch_equals_one_by_one_at_valid_steps()
    {
        using var net = TestModels.Net();
        net.eval();
        using var scope = NewDisposeScope();
        long[] lengths = [5, 1, 3, 7];
        var ids = TestModels.PhonemeBatch(lengths, 12, seed: 3);

        var batch = net.Phonetic.forward(ids, tensor(lengths));

        Assert.Equal([4L, 7, 16], batch.shape);
        for (int b = 0; b < lengths.Length; b++)
        {
            var single = net.Phonetic.forward(ids[b, TensorIndex.Slice(0, lengths[b])].unsqueeze(0), tensor(new[] { lengths[b] }));
            Assert.True(single[0].allclose(batch[b, TensorIndex.Slice(0, lengths[b])], rtol: 1e-4, atol: 1e-5), $"row {b}");
        }
    }

    [Fact]
    public void Forward_follows_the_architecture_formula_for_one_layerless_step()
    {
        using var net = TestModels.Net();
        net.eval();
        using var scope = NewDisposeScope();
        var encoder = net.Phonetic;
        var ids = tensor(new long[] { 4, 2 }).unsqueeze(0);

        // Recompute by hand: Embedding * sqrt(d) + alpha * PE, blocks, final norm.
        var x = encoder.Embedding.forward(ids).mul(Math.Sqrt(16)).add(encoder.Alpha.mul(encoder.PositionTable.narrow(0, 0, 2)));
        var mask = zeros(1, 1, 1, 2);
        foreach (var block in encoder.Blocks)
        {
            x = block.forward(x, mask);
        }
        var expected = encoder.FinalNorm.forward(x);

        Assert.True(encoder.forward(ids, tensor(new long[] { 2 })).allclose(expected, atol: 1e-6));
    }

    [Fact]
    public void Constructor_exposes_the_configured_parts()
    {
        using var net = TestModels.Net();
        var encoder = net.Phonetic;

        Assert.Equal(2, encoder.Blocks.Count);
        Assert.Equal([12L, 16], encoder.Embedding.weight!.shape);
        Assert.Equal([64L, 16], encoder.PositionTable.shape);
        Assert.Equal(1f, encoder.Alpha.item<float>());
        Assert.Equal(0, encoder.Alpha.dim());
        Assert.Contains("alpha", encoder.named_parameters().Select(p => p.name));
        Assert.Contains("position_table", encoder.named_buffers().Select(p => p.name));
    }

    [Fact]
    public void Forward_rejects_bad_inputs_with_clear_messages()
    {
        using var net = TestModels.Net();
        using var scope = NewDisposeScope();
        var ids = TestModels.PhonemeBatch([3, 2], 12, seed: 1);

        Assert.Contains("int64 [batch, length]", Assert.Throws<ArgumentException>(() => net.Phonetic.forward(ids.to(ScalarType.Int32), tensor(new long[] { 3, 2 }))).Message);
        Assert.Contains("lengths must lie in [1, 3]", Assert.Throws<ArgumentException>(() => net.Phonetic.forward(ids, tensor(new long[] { 4, 2 }))).Message);
        Assert.Contains("lengths must lie in [1, 3]", Assert.Throws<ArgumentException>(() => net.Phonetic.forward(ids, tensor(new long[] { 0, 2 }))).Message);
        Assert.Contains("int64 [2]", Assert.Throws<ArgumentException>(() => net.Phonetic.forward(ids, tensor(new long[] { 3 }))).Message);
        Assert.Contains("[0, 12)", Assert.Throws<ArgumentException>(() => net.Phonetic.forward(ids.add(20), tensor(new long[] { 3, 2 }))).Message);
        Assert.Contains("maxPositions 64", Assert.Throws<ArgumentException>(() => net.Phonetic.forward(ones(1, 65, dtype: ScalarType.Int64), tensor(new long[] { 65 }))).Message);
    }
}
