using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Scraps.Audio.Features;

namespace Scraps.Audio;

/// <summary>
/// Log-mel spectrogram as DESIGN.md defines it: torchaudio.transforms.MelSpectrogram (periodic Hann window of
/// WinLength zero-padded centred into NFft, center=True with reflect padding of NFft / 2, magnitude, Slaney mel
/// filterbank with Slaney norm), then natural log of max(x, LogFloor). Output is [1 + n / Hop, 80] row-major.
/// Frames are processed one SIMD lane each (a batch of Vector&lt;float&gt;.Count frames per FFT pass).
/// Thread-safe and reusable: the tables are immutable and scratch buffers are rented per call.
/// Input rules: empty input is an <see cref="AudioFormatException"/>; input shorter than NFft / 2 + 1 (which torch
/// refuses) is reflected repeatedly, numpy-style; NaN/Inf samples count as 0 and samples beyond +-10000 are clipped.
/// </summary>
public sealed class LogMelExtractor
{
    private readonly FrontEndSettings settings;
    private readonly BatchedRealFft fft;
    private readonly MelFilterbank filterbank;
    private readonly float[] window;
    private readonly int[] destination;
    private readonly int windowOffset;
    private readonly float logFloor;

    public LogMelExtractor()
        : this(FrontEndSettings.Default)
    {
    }

    public LogMelExtractor(FrontEndSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        this.settings = settings;
        fft = new BatchedRealFft(settings.NFft);
        filterbank = MelFilterbank.Create(settings);
        windowOffset = (settings.NFft - settings.WinLength) / 2;
        logFloor = (float)settings.LogFloor;

        window = new float[settings.WinLength];
        for (var n = 0; n < window.Length; n++)
        {
            window[n] = (float)(0.5 - 0.5 * Math.Cos(2 * Math.PI * n / settings.WinLength));
        }

        // Where windowed sample n lands in the packed, bit-reversed FFT input (re block then im block, lanes innermost).
        var lanes = BatchedRealFft.Lanes;
        destination = new int[settings.WinLength];
        for (var n = 0; n < destination.Length; n++)
        {
            var q = windowOffset + n;
            destination[n] = ((q & 1) * fft.Half + fft.BitReverse[q >> 1]) * lanes;
        }
    }

    public FrontEndSettings Settings => settings;

    internal MelFilterbank Filterbank => filterbank;

    /// <summary>Frames produced for <paramref name="samples"/> samples (0 when none).</summary>
    public int FrameCount(int samples)
    {
        if (samples <= 0)
        {
            return 0;
        }

        return settings.Center ? 1 + samples / settings.Hop
            : samples >= settings.NFft ? 1 + (samples - settings.NFft) / settings.Hop : 0;
    }

    public LogMel Compute(ReadOnlySpan<float> samples16k)
    {
        if (samples16k.IsEmpty)
        {
            throw AudioFormatException.Malformed("audio has no samples to compute features from");
        }

        var frames = FrameCount(samples16k.Length);
        if (frames == 0)
        {
            throw AudioFormatException.Malformed(
                $"audio has {samples16k.Length} samples, fewer than one {settings.NFft}-sample frame (center=false)");
        }

        var output = new float[(long)frames * LogMel.Bins];
        var pad = settings.Center ? settings.NFft / 2 : 0;
        var paddedLength = samples16k.Length + 2 * pad;
        var lanes = BatchedRealFft.Lanes;
        var half = fft.Half;
        var padded = ArrayPool<float>.Shared.Rent(paddedLength);
        var scratchLength = ((2 * half) + (half + 1) + LogMel.Bins) * lanes; // FFT re + im, spectrum, mel, per lane
        var scratch = ArrayPool<float>.Shared.Rent(scratchLength);
        try
        {
            FramePadding.Fill(samples16k, pad, settings.PadMode == "reflect", padded.AsSpan(0, paddedLength));
            Run(padded, frames, scratch.AsSpan(0, scratchLength), output);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(padded);
            ArrayPool<float>.Shared.Return(scratch);
        }

        return new LogMel(output, frames);
    }

    private void Run(float[] padded, int frames, Span<float> scratch, float[] output)
    {
        var lanes = BatchedRealFft.Lanes;
        var half = fft.Half;
        var packed = scratch[..(2 * half * lanes)];
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(scratch);
        var re = vectors[..half];
        var im = vectors.Slice(half, half);
        var spectrum = vectors.Slice(2 * half, half + 1);
        var mel = vectors.Slice(3 * half + 1, LogMel.Bins);
        var melLanes = MemoryMarshal.Cast<Vector<float>, float>(mel);
        var power = settings.Power == 2;
        var hop = settings.Hop;

        ref var packedStart = ref MemoryMarshal.GetReference(packed);
        ref var destinationStart = ref MemoryMarshal.GetArrayDataReference(destination);
        ref var windowStart = ref MemoryMarshal.GetArrayDataReference(window);
        var windowLength = window.Length;
        for (var batch = 0; batch < frames; batch += lanes)
        {
            var count = Math.Min(lanes, frames - batch);
            packed.Clear(); // the FFT works in place, so the zero padding around the window is rewritten every batch
            for (var lane = 0; lane < count; lane++)
            {
                // In range: the last frame ends at (frames - 1) * hop + windowOffset + WinLength <= padded length.
                ref var frame = ref padded[(batch + lane) * hop + windowOffset];
                _ = padded[(batch + lane) * hop + windowOffset + windowLength - 1];
                ref var lanePacked = ref Unsafe.Add(ref packedStart, lane);
                for (var n = 0; n < windowLength; n++)
                {
                    Unsafe.Add(ref lanePacked, Unsafe.Add(ref destinationStart, n)) = Unsafe.Add(ref frame, n) * Unsafe.Add(ref windowStart, n);
                }
            }

            fft.Transform(re, im);
            fft.Spectrum(re, im, spectrum, power);
            ApplyFilterbank(spectrum, mel);

            for (var lane = 0; lane < count; lane++)
            {
                var row = output.AsSpan((batch + lane) * LogMel.Bins, LogMel.Bins);
                for (var m = 0; m < row.Length; m++)
                {
                    row[m] = MathF.Log(Math.Max(melLanes[m * lanes + lane], logFloor));
                }
            }
        }
    }

    private void ApplyFilterbank(ReadOnlySpan<Vector<float>> spectrum, Span<Vector<float>> mel)
    {
        var weights = filterbank.Weights;
        for (var m = 0; m < mel.Length; m++)
        {
            var acc = Vector<float>.Zero;
            var first = filterbank.First[m];
            var offset = filterbank.WeightOffset[m];
            var count = filterbank.Count[m];
            for (var q = 0; q < count; q++)
            {
                acc += spectrum[first + q] * weights[offset + q];
            }

            mel[m] = acc;
        }
    }
}
