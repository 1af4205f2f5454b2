using TorchSharp;
using static TorchSharp.torch;

namespace Scraps.Model.Training;

/// <summary>
/// Clips the global gradient norm as torch.nn.utils.clip_grad_norm_ does (g *= min(1, max / (norm + 1e-6))), but
/// leaves the norm on the device: TorchSharp's clip_grad_norm_ returns it as a double, a host sync every step.
/// </summary>
internal sealed class GradientClipping(double maxNorm)
{
    // Scalars live as long as the clipper (see PaddingMasks: a temporary Scalar's finalizer can race libtorch).
    private readonly Scalar _epsilon = 1e-6.ToScalar();
    private readonly Scalar _one = 1.0.ToScalar();
    private readonly Scalar _max = maxNorm.ToScalar();

    /// <summary>Scales every gradient in place; returns the norm before clipping (a scalar tensor).</summary>
    public Tensor Clip(IReadOnlyList<TorchSharp.Modules.Parameter> parameters)
    {
        using var scope = NewDisposeScope();
        var grads = parameters.Select(p => p.grad).OfType<Tensor>().ToArray();
        if (grads.Length == 0)
        {
            return zeros([]).MoveToOuterDisposeScope();
        }

        var norm = stack(grads.Select(g => g.detach().norm()).ToArray()).norm();
        var coefficient = norm.add(_epsilon).reciprocal().mul(_max).clamp_max(_one);
        using (no_grad())
        {
            foreach (var g in grads)
            {
                g.mul_(coefficient);
            }
        }
        return norm.MoveToOuterDisposeScope();
    }
}
