namespace Scraps.Audio.Resampling;

/// <summary>
/// Polyphase table of a Hann-windowed sinc low-pass, the same kernel as torchaudio.functional.resample
/// (sinc_interp_hann, lowpass_filter_width 6, rolloff 0.99), computed in float32 as torchaudio does and stored trimmed to its
/// non-zero taps. Rates are reduced by their gcd to <see cref="InputStep"/> input samples per
/// <see cref="Phases"/> output samples. Output sample j = block k = j / Phases, phase p = j % Phases:
/// <c>y[j] = sum_q Coefficients[p, q] * x[k * InputStep + Start[p] + q - Width]</c> (x is 0 outside the signal).
/// </summary>
internal sealed class PolyphaseFilter
{
    public const int DefaultLowpassFilterWidth = 6;
    public const double DefaultRolloff = 0.99;

    private PolyphaseFilter(int inputStep, int phases, int width, int taps, int[] start, float[] coefficients)
    {
        InputStep = inputStep;
        Phases = phases;
        Width = width;
        Taps = taps;
        Start = start;
        Coefficients = coefficients;
    }

    public int InputStep { get; }

    public int Phases { get; }

    /// <summary>torchaudio's zero padding on the left of the input (in input samples).</summary>
    public int Width { get; }

    /// <summary>Row length of <see cref="Coefficients"/> (the longest non-zero span over all phases).</summary>
    public int Taps { get; }

    public int[] Start { get; }

    /// <summary>[Phases, Taps] row-major.</summary>
    public float[] Coefficients { get; }

    public static PolyphaseFilter Create(int fromRate, int toRate, int lowpassFilterWidth = DefaultLowpassFilterWidth, double rolloff = DefaultRolloff)
    {
        var gcd = Gcd(fromRate, toRate);
        var orig = fromRate / gcd;
        var phases = toRate / gcd;
        var baseFreq = Math.Min(orig, phases) * rolloff;
        var width = (int)Math.Ceiling(lowpassFilterWidth * orig / baseFreq);
        var kernelLength = 2 * width + orig;
        var halfSpan = lowpassFilterWidth * orig / baseFreq; // in input samples

        var start = new int[phases];
        var end = new int[phases];
        var taps = 0;
        for (var p = 0; p < phases; p++)
        {
            var centre = width + orig * (double)p / phases;
            var lo = Math.Max(0, (int)Math.Floor(centre - halfSpan) - 1);
            var hi = Math.Min(kernelLength - 1, (int)Math.Ceiling(centre + halfSpan) + 1);
            while (lo < hi && Kernel(p, lo) == 0)
            {
                lo++;
            }

            while (hi > lo && Kernel(p, hi) == 0)
            {
                hi--;
            }

            start[p] = lo;
            end[p] = hi;
            taps = Math.Max(taps, hi - lo + 1);
        }

        var coefficients = new float[(long)phases * taps];
        for (var p = 0; p < phases; p++)
        {
            for (var q = 0; q < taps; q++)
            {
                coefficients[(long)p * taps + q] = (float)Kernel(p, start[p] + q);
            }
        }

        return new PolyphaseFilter(orig, phases, width, taps, start, coefficients);

        // torchaudio evaluates the kernel in float32 (the waveform's dtype); doing the same, step by step,
        // keeps our output within float rounding of its output instead of ~1e-6 away.
        double Kernel(int p, int i)
        {
            var t = (float)-p / phases + (float)(i - width) / orig;
            t *= (float)baseFreq;
            if (Math.Abs(t) >= lowpassFilterWidth)
            {
                return 0;
            }

            var window = MathF.Cos(t * MathF.PI / lowpassFilterWidth / 2);
            window *= window;
            var x = t * MathF.PI;
            var sinc = x == 0 ? 1f : MathF.Sin(x) / x;
            return sinc * (window * (float)(baseFreq / orig));
        }
    }

    public static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
