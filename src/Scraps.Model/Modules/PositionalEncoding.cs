using static TorchSharp.torch;

namespace Scraps.Model.Modules;

/// <summary>Sinusoidal position table: PE[p, 2i] = sin(p / 10000^(2i/d)), PE[p, 2i+1] = cos(p / 10000^(2i/d)).</summary>
internal static class PositionalEncoding
{
    public static float[] Values(int positions, int dim)
    {
        var values = new float[positions * dim];
        for (int p = 0; p < positions; p++)
        {
            for (int i = 0; 2 * i < dim; i++)
            {
                double angle = p / Math.Pow(10000.0, 2.0 * i / dim);
                values[(p * dim) + (2 * i)] = (float)Math.Sin(angle);
                if ((2 * i) + 1 < dim)
                {
                    values[(p * dim) + (2 * i) + 1] = (float)Math.Cos(angle);
                }
            }
        }
        return values;
    }

    /// <summary>A [positions, dim] float32 tensor, detached from any dispose scope (the module owns it).</summary>
    public static Tensor Table(int positions, int dim) =>
        tensor(Values(positions, dim), [positions, dim]).DetachFromDisposeScope();
}
