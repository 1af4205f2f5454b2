namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>A second-order IIR section (RBJ audio EQ cookbook low-pass and high-pass), direct form I.</summary>
internal sealed class Biquad
{
    /// <summary>1/sqrt(2): a maximally flat (Butterworth) second-order section.</summary>
    public const double ButterworthQ = 0.70710678118654752;

    private readonly double _b0;
    private readonly double _b1;
    private readonly double _b2;
    private readonly double _a1;
    private readonly double _a2;

    private Biquad(double b0, double b1, double b2, double a0, double a1, double a2)
    {
        _b0 = b0 / a0;
        _b1 = b1 / a0;
        _b2 = b2 / a0;
        _a1 = a1 / a0;
        _a2 = a2 / a0;
    }

    public static Biquad LowPass(double cutoff, double sampleRate, double q = ButterworthQ)
    {
        var (cos, alpha) = Coefficients(cutoff, sampleRate, q);
        return new Biquad((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    public static Biquad HighPass(double cutoff, double sampleRate, double q = ButterworthQ)
    {
        var (cos, alpha) = Coefficients(cutoff, sampleRate, q);
        return new Biquad((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /// <summary>Filters <paramref name="samples"/> in place, starting from rest.</summary>
    public void Process(Span<float> samples)
    {
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            double x = samples[i];
            var y = (_b0 * x) + (_b1 * x1) + (_b2 * x2) - (_a1 * y1) - (_a2 * y2);
            x2 = x1;
            x1 = x;
            y2 = y1;
            y1 = y;
            samples[i] = (float)y;
        }
    }

    private static (double Cos, double Alpha) Coefficients(double cutoff, double sampleRate, double q)
    {
        if (!(cutoff > 0 && cutoff < sampleRate / 2))
        {
            throw new ArgumentOutOfRangeException(nameof(cutoff), cutoff, $"the cutoff must lie between 0 and {sampleRate / 2} Hz");
        }

        var omega = 2 * Math.PI * cutoff / sampleRate;
        return (Math.Cos(omega), Math.Sin(omega) / (2 * q));
    }
}
