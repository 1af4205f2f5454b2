using Scraps.Model.Loss;
using static TorchSharp.torch;

namespace Scraps.Model.Training;

/// <summary>
/// A step's loss, its parts and its gradient norm as one float tensor [<see cref="Count"/>] on the training device, so
/// that the loop sums steps without reading each back (a host sync per value, which stalls a GPU's queue). A part that
/// is off, or a frame loss in a batch without labels, is 0 with its presence flag 0.
/// </summary>
internal static class StepFigures
{
    public const int Total = 0;
    public const int Contrastive = 1;
    public const int HardNegative = 2;
    public const int Ctc = 3;
    public const int Frame = 4;
    public const int FramePresent = 5;
    public const int GradientNorm = 6;
    public const int Matching = 7;
    public const int Count = 8;

    public static Tensor Of(LossBreakdown loss, Tensor? gradientNorm)
    {
        using var scope = NewDisposeScope();
        var zero = zeros([], ScalarType.Float32, loss.Total.device);
        var one = ones([], ScalarType.Float32, loss.Total.device);
        var parts = new[]
        {
            loss.Total, loss.Contrastive, loss.HardNegative ?? zero, loss.Ctc ?? zero, loss.Frame ?? zero, loss.Frame is null ? zero : one,
            gradientNorm?.to_type(ScalarType.Float32) ?? zero, loss.Matching ?? zero,
        };
        return stack(parts.Select(p => p.detach().reshape([])).ToArray()).MoveToOuterDisposeScope();
    }
}
