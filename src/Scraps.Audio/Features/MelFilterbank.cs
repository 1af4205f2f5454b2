namespace Scraps.Audio.Features;

/// <summary>
/// Triangular mel filterbank exactly as torchaudio.functional.melscale_fbanks builds it (linspace of FFT bin
/// frequencies, mel points evenly spaced, optional Slaney area normalisation), computed in double.
/// Stored densely ([<see cref="FrequencyBins"/>, <see cref="MelBins"/>], for tests and export) and sparsely
/// (each filter's non-zero run of FFT bins) for the fast multiply.
/// </summary>
internal sealed class MelFilterbank
{
    private MelFilterbank(int frequencyBins, int melBins, float[] dense, int[] first, int[] count, float[] weights, int[] weightOffset)
    {
        FrequencyBins = frequencyBins;
        MelBins = melBins;
        Dense = dense;
        First = first;
        Count = count;
        Weights = weights;
        WeightOffset = weightOffset;
    }

    public int FrequencyBins { get; }

    public int MelBins { get; }

    /// <summary>[FrequencyBins, MelBins] row-major, like torchaudio's fb matrix.</summary>
    public float[] Dense { get; }

    /// <summary>First FFT bin with a non-zero weight in each filter.</summary>
    public int[] First { get; }

    /// <summary>Number of consecutive FFT bins in each filter's run.</summary>
    public int[] Count { get; }

    /// <summary>The run weights of all filters, concatenated; filter m starts at <see cref="WeightOffset"/>[m].</summary>
    public float[] Weights { get; }

    public int[] WeightOffset { get; }

    public static MelFilterbank Create(FrontEndSettings settings)
    {
        var frequencyBins = settings.NFft / 2 + 1;
        var melBins = settings.MelBins;
        var slaney = settings.MelScale == "slaney";

        var allFreqs = new double[frequencyBins];
        for (var k = 0; k < frequencyBins; k++)
        {
            allFreqs[k] = (double)(settings.SampleRate / 2) * k / (frequencyBins - 1);
        }

        var mMin = HzToMel(settings.FMin, slaney);
        var mMax = HzToMel(settings.FMax, slaney);
        var fPts = new double[melBins + 2];
        for (var i = 0; i < fPts.Length; i++)
        {
            fPts[i] = MelToHz(mMin + (mMax - mMin) * i / (melBins + 1), slaney);
        }

        var dense = new float[frequencyBins * melBins];
        for (var m = 0; m < melBins; m++)
        {
            var lowerWidth = fPts[m + 1] - fPts[m];
            var upperWidth = fPts[m + 2] - fPts[m + 1];
            var enorm = settings.Norm == "slaney" ? 2.0 / (fPts[m + 2] - fPts[m]) : 1.0;
            for (var k = 0; k < frequencyBins; k++)
            {
                var down = (allFreqs[k] - fPts[m]) / lowerWidth;
                var up = (fPts[m + 2] - allFreqs[k]) / upperWidth;
                var w = Math.Max(0, Math.Min(down, up));
                dense[k * melBins + m] = (float)(w * enorm);
            }
        }

        var first = new int[melBins];
        var count = new int[melBins];
        var offsets = new int[melBins];
        var weights = new List<float>();
        for (var m = 0; m < melBins; m++)
        {
            var lo = 0;
            while (lo < frequencyBins && dense[lo * melBins + m] == 0)
            {
                lo++;
            }

            var hi = frequencyBins - 1;
            while (hi >= lo && dense[hi * melBins + m] == 0)
            {
                hi--;
            }

            first[m] = Math.Min(lo, frequencyBins - 1);
            count[m] = Math.Max(0, hi - lo + 1);
            offsets[m] = weights.Count;
            for (var k = lo; k <= hi; k++)
            {
                weights.Add(dense[k * melBins + m]);
            }
        }

        return new MelFilterbank(frequencyBins, melBins, dense, first, count, weights.ToArray(), offsets);
    }

    private const double SlaneyLinearStep = 200.0 / 3;
    private const double SlaneyMinLogHz = 1000.0;
    private const double SlaneyMinLogMel = SlaneyMinLogHz / SlaneyLinearStep;
    private static readonly double SlaneyLogStep = Math.Log(6.4) / 27.0;

    public static double HzToMel(double hz, bool slaney)
    {
        if (!slaney)
        {
            return 2595.0 * Math.Log10(1.0 + hz / 700.0);
        }

        return hz >= SlaneyMinLogHz
            ? SlaneyMinLogMel + Math.Log(hz / SlaneyMinLogHz) / SlaneyLogStep
            : hz / SlaneyLinearStep;
    }

    public static double MelToHz(double mel, bool slaney)
    {
        if (!slaney)
        {
            return 700.0 * (Math.Pow(10.0, mel / 2595.0) - 1.0);
        }

        return mel >= SlaneyMinLogMel
            ? SlaneyMinLogHz * Math.Exp(SlaneyLogStep * (mel - SlaneyMinLogMel))
            : SlaneyLinearStep * mel;
    }
}
