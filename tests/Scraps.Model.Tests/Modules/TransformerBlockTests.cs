using Scraps.Model.Modules;
using static TorchSharp.torch;

namespace Scraps.Model.Tests.Modules;

public sealed class TransformerBlockTests
{
    [Fact]
    public void Forward_is_pre_layer_norm_with_residuals()
    {
        TorchTestEnvironment.EnsureCpu();
        manual_seed(8);
        using var block = new TransformerBlock(8, 2, 16, dropout: 0.3);
        block.eval();
        using var scope = NewDisposeScope();
        var x = randn(2, 5, 8);
        var mask = zeros(2, 1, 1, 5);

        var h = x.add(block.Attention.forward(block.Norm1.forward(x), mask));
        var expected = h.add(block.Ffn2.forward(nn.functional.relu(block.Ffn1.forward(block.Norm2.forward(h)))));

        Assert.True(block.forward(x, mask).allclose(expected, atol: 1e-6));
    }

    [Fact]
    public void Forward_applies_dropout_only_when_training()
    {
        TorchTestEnvironment.EnsureCpu();
        manual_seed(9);
        using var block = new TransformerBlock(8, 2, 16, dropout: 0.5);
        using var scope = NewDisposeScope();
        var x = randn(2, 5, 8);
        var mask = zeros(2, 1, 1, 5);

        block.train();
        var first = block.forward(x, mask);
        var second = block.forward(x, mask);
        block.eval();
        var third = block.forward(x, mask);
        var fourth = block.forward(x, mask);

        Assert.False(first.allclose(second));
        Assert.True(third.eq(fourth).all().item<bool>());
        Assert.Equal(1e-5, block.Norm1.eps);
    }
}
