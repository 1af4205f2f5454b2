using Scraps.Model.Loss;
using static TorchSharp.torch;

namespace Scraps.Model.Tests.Loss;

public sealed class SymmetricContrastiveLossTests
{
    [Fact]
    public void Compute_equals_the_hand_computed_value()
    {
        TorchTestEnvironment.EnsureCpu();
        var loss = new SymmetricContrastiveLoss();
        using var scope = NewDisposeScope();
        var t = tensor(new[] { 1f, 2f, 0f, 1f }, [2, 2]);
        var a = tensor(new[] { 1f, 0f, 1f, 1f }, [2, 2]);

        // L = T A^T = [[1, 3], [0, 1]]; rows target the diagonal, then columns (L^T = [[1, 0], [3, 1]]).
        double rows = ((-1 + Math.Log(Math.Exp(1) + Math.Exp(3))) + (-1 + Math.Log(Math.Exp(0) + Math.Exp(1)))) / 2;
        double columns = ((-1 + Math.Log(Math.Exp(1) + Math.Exp(0))) + (-1 + Math.Log(Math.Exp(3) + Math.Exp(1)))) / 2;

        Assert.Equal((rows + columns) / 2, loss.Compute(t, a).item<float>(), 5);
        Assert.Equal([1f, 3f, 0f, 1f], SymmetricContrastiveLoss.Scores(t, a).data<float>().ToArray());
    }

    [Fact]
    public void Compute_is_symmetric_in_its_two_inputs()
    {
        TorchTestEnvironment.EnsureCpu();
        var loss = new SymmetricContrastiveLoss();
        using var scope = NewDisposeScope();
        manual_seed(3);
        var t = randn(6, 4);
        var a = randn(6, 4);

        Assert.Equal(loss.Compute(t, a).item<float>(), loss.Compute(a, t).item<float>(), 5);
    }

    [Fact]
    public void Compute_is_lower_for_aligned_than_for_shuffled_pairs()
    {
        TorchTestEnvironment.EnsureCpu();
        var loss = new SymmetricContrastiveLoss();
        using var scope = NewDisposeScope();
        var vectors = eye(4).mul(3);
        var shuffled = vectors.index_select(0, tensor(new long[] { 1, 2, 3, 0 }));

        float aligned = loss.Compute(vectors, vectors).item<float>();
        float misaligned = loss.Compute(vectors, shuffled).item<float>();

        Assert.True(aligned < 0.01f * misaligned, $"aligned {aligned}, misaligned {misaligned}");
        Assert.Equal(Math.Log(1 + (3 * Math.Exp(-9))), aligned, 4);
    }

    [Fact]
    public void Compute_rejects_mismatched_shapes()
    {
        TorchTestEnvironment.EnsureCpu();
        var loss = new SymmetricContrastiveLoss();
        using var scope = NewDisposeScope();

        var e = Assert.Throws<ArgumentException>(() => loss.Compute(randn(3, 4), randn(2, 4)));

        Assert.Contains("same shape", e.Message);
    }
}
