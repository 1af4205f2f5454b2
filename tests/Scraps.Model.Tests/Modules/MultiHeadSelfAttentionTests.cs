using Scraps.Model.Modules;
using static TorchSharp.torch;

namespace Scraps.Model.Tests.Modules;

public sealed class MultiHeadSelfAttentionTests
{
    [Fact]
    public void Forward_matches_the_head_by_head_formula()
    {
        TorchTestEnvironment.EnsureCpu();
        manual_seed(5);
        using var attention = new MultiHeadSelfAttention(8, 2);
        using var scope = NewDisposeScope();
        var x = randn(1, 3, 8);

        var actual = attention.forward(x, zeros(1, 1, 1, 3));

        var q = attention.Query.forward(x)[0];
        var k = attention.Key.forward(x)[0];
        var v = attention.Value.forward(x)[0];
        var heads = new List<Tensor>();
        for (int h = 0; h < 2; h++)
        {
            var cols = TensorIndex.Slice(h * 4, (h + 1) * 4);
            var scores = q[TensorIndex.Colon, cols].matmul(k[TensorIndex.Colon, cols].t()).div(2.0); // sqrt(8 / 2)
            heads.Add(scores.softmax(-1).matmul(v[TensorIndex.Colon, cols]));
        }
        var expected = attention.Output.forward(cat(heads, 1)).unsqueeze(0);
        Assert.True(actual.allclose(expected, atol: 1e-6));
    }

    [Fact]
    public void Forward_ignores_padded_keys()
    {
        TorchTestEnvironment.EnsureCpu();
        manual_seed(6);
        using var attention = new MultiHeadSelfAttention(8, 4);
        using var scope = NewDisposeScope();
        var x = randn(1, 4, 8);
        var changed = x.clone();
        changed[0, 3] = full(8, 50f);
        var mask = tensor(new[] { 0f, 0f, 0f, -1e9f }).view(1, 1, 1, 4);

        var a = attention.forward(x, mask);
        var b = attention.forward(changed, mask);

        Assert.True(a[0, TensorIndex.Slice(0, 3)].allclose(b[0, TensorIndex.Slice(0, 3)], atol: 1e-6));
    }

    [Fact]
    public void Constructor_rejects_heads_that_do_not_divide_the_width()
    {
        TorchTestEnvironment.EnsureCpu();

        var e = Assert.Throws<ArgumentException>(() => new MultiHeadSelfAttention(10, 4));

        Assert.Contains("divisible", e.Message);
    }
}
