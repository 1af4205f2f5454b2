using Scraps.Audio.Features;

namespace Scraps.Audio.Tests.Features;

public sealed class FramePaddingTests
{
    [Fact]
    public void Reflects_without_repeating_the_edge_sample()
    {
        var destination = new float[5 + 4];

        FramePadding.Fill([1, 2, 3, 4, 5], 2, reflect: true, destination);

        Assert.Equal([3, 2, 1, 2, 3, 4, 5, 4, 3], destination);
    }

    [Fact]
    public void Reflects_back_and_forth_when_the_signal_is_shorter_than_the_padding()
    {
        var destination = new float[3 + 10];

        FramePadding.Fill([1, 2, 3], 5, reflect: true, destination);

        // numpy.pad([1, 2, 3], 5, mode="reflect")
        Assert.Equal([2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2], destination);
    }

    [Fact]
    public void A_single_sample_is_repeated()
    {
        var destination = new float[1 + 6];

        FramePadding.Fill([0.5f], 3, reflect: true, destination);

        Assert.All(destination, v => Assert.Equal(0.5f, v));
    }

    [Fact]
    public void Constant_mode_pads_with_zeros()
    {
        var destination = new float[2 + 4];

        FramePadding.Fill([1, 2], 2, reflect: false, destination);

        Assert.Equal([0, 0, 1, 2, 0, 0], destination);
    }

    [Fact]
    public void Cleans_non_finite_and_huge_samples()
    {
        var destination = new float[4];

        FramePadding.Fill([float.NaN, float.PositiveInfinity, 1e9f, -1e9f], 0, reflect: true, destination);

        Assert.Equal([0, 0, FramePadding.MaxMagnitude, -FramePadding.MaxMagnitude], destination);
    }

    [Fact]
    public void Refuses_an_empty_signal()
    {
        Assert.Throws<ArgumentException>(() => FramePadding.Fill([], 2, reflect: true, new float[4]));
    }
}
