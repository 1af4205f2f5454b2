using Scraps.Model.Modules;
using static TorchSharp.torch;

namespace Scraps.Model.Tests.Modules;

public sealed class PaddingMasksTests
{
    [Fact]
    public void AdditiveKeyMask_is_zero_for_valid_and_minus_a_billion_for_padded_keys()
    {
        TorchTestEnvironment.EnsureCpu();
        using var scope = NewDisposeScope();

        var mask = PaddingMasks.AdditiveKeyMask(tensor(new long[] { 2, 3 }), 3, ScalarType.Float32);

        Assert.Equal([2L, 1, 1, 3], mask.shape);
        Assert.Equal([0f, 0f, -1e9f, 0f, 0f, 0f], mask.data<float>().ToArray());
    }

    [Fact]
    public void ZeroPadded_clears_only_steps_after_each_length()
    {
        TorchTestEnvironment.EnsureCpu();
        using var scope = NewDisposeScope();

        var x = PaddingMasks.ZeroPadded(ones(2, 3, 2), tensor(new long[] { 1, 3 }));

        Assert.Equal([1f, 1f, 0f, 0f, 0f, 0f, 1f, 1f, 1f, 1f, 1f, 1f], x.data<float>().ToArray());
    }
}
