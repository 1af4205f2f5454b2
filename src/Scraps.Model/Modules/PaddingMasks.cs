using TorchSharp;
using static TorchSharp.torch;

namespace Scraps.Model.Modules;

/// <summary>Checks of batch inputs and the masks built from sequence lengths.</summary>
internal static class PaddingMasks
{
    /// <summary>Added to attention scores of padded keys (docs/architecture.md).</summary>
    public const float PaddedKeyScore = -1e9f;

    // Scalar arguments live in static fields, never as temporaries (masked_fill(mask, 0)): TorchSharp frees a
    // temporary Scalar's native side in its finalizer, and a GC on another thread can run that while libtorch is
    // still reading it ("Unknown scalar type" crashes). The modules and the loss follow the same rule.
    private static readonly Scalar PaddedKeyScoreScalar = PaddedKeyScore.ToScalar();
    private static readonly Scalar Zero = 0.0f.ToScalar();

    /// <summary>[B, T] bool: true where step t &lt; lengths[b].</summary>
    public static Tensor Valid(Tensor lengths, long steps) =>
        arange(steps, dtype: ScalarType.Int64, device: lengths.device).unsqueeze(0).lt(lengths.unsqueeze(1));

    /// <summary>[B, 1, 1, T] float: 0 for valid keys, -1e9 for padded ones.</summary>
    public static Tensor AdditiveKeyMask(Tensor lengths, long steps, ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        var padded = Valid(lengths, steps).logical_not();
        var mask = zeros(padded.shape, dtype, lengths.device).masked_fill(padded, PaddedKeyScoreScalar);
        return mask.unsqueeze(1).unsqueeze(1).MoveToOuterDisposeScope();
    }

    /// <summary>Sets padded steps of x [B, T, C] to zero.</summary>
    public static Tensor ZeroPadded(Tensor x, Tensor lengths)
    {
        using var scope = NewDisposeScope();
        var padded = Valid(lengths, x.shape[1]).logical_not().unsqueeze(-1);
        return x.masked_fill(padded, Zero).MoveToOuterDisposeScope();
    }

    /// <summary>Throws unless lengths is int64 [batch] with (when <paramref name="values"/>) every value in [1, steps].</summary>
    public static void CheckLengths(Tensor lengths, long batch, long steps, string what, bool values = true)
    {
        if (lengths.dtype != ScalarType.Int64 || lengths.dim() != 1 || lengths.shape[0] != batch)
        {
            throw new ArgumentException(
                $"{what} lengths must be int64 [{batch}], got {lengths.dtype} [{string.Join(", ", lengths.shape)}].", nameof(lengths));
        }
        if (batch == 0)
        {
            throw new ArgumentException($"{what} batch is empty.", nameof(lengths));
        }
        if (!values)
        {
            return;
        }
        using var scope = NewDisposeScope();
        long min = lengths.min().item<long>();
        long max = lengths.max().item<long>();
        if (min < 1 || max > steps)
        {
            throw new ArgumentException(
                $"{what} lengths must lie in [1, {steps}] (the padded length), got values from {min} to {max}.", nameof(lengths));
        }
    }

    public static string Shape(Tensor t) => $"{t.dtype} [{string.Join(", ", t.shape)}]";
}
