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
    private readonly FrontEndSettings _settings;
    private readonly BatchedRealFft _fft;
    private readonly MelFilterbank _filterbank;
    private readonly float[] _window;
    private readonly int[] _destination;
    private readonly int _windowOffset;
    private readonly float _logFloor;

    public LogMelExtractor()
        : this(FrontEndSettings.Default)
    {
    }

    public LogMelExtractor(FrontEndSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _fft = new BatchedRealFft(settings.NFft);
        _filterbank = MelFilterbank.Create(settings);
        _windowOffset = (settings.NFft - settings.WinLength) / 2;
        _logFloor = (float)settings.LogFloor;

        _window = new float[settings.WinLength];
        for (var n = 0; n < _window.Length; n++)
        {
            _window[n] = (float)(0.5 - 0.5 * Math.Cos(2 * Math.PI * n / settings.WinLength));
        }

        // Where windowed sample n lands in the packed, bit-reversed FFT input (re block then im block, lanes innermost).
        var lanes = BatchedRealFft.Lanes;
        _destination = new int[settings.WinLength];
        for (var n = 0; n < _destination.Length; n++)
        {
            var q = _windowOffset + n;
            _destination[n] = ((q & 1) * _fft.Half + _fft.BitReverse[q >> 1]) * lanes;
        }
    }

    public FrontEndSettings Settings => _settings;

    internal MelFilterbank Filterbank => _filterbank;

    /// <summary>Frames produced for <paramref name="samples"/> samples (0 when none).</summary>
    public int FrameCount(int samples)
    {
        if (samples <= 0)
        {
            return 0;
        }

        return _settings.Center ? 1 + samples / _settings.Hop
            : samples >= _settings.NFft ? 1 + (samples - _settings.NFft) / _settings.Hop : 0;
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
                $"audio has {samples16k.Length} samples, fewer than one {_settings.NFft}-sample frame (center=false)");
        }

        var output = new float[(long)frames * LogMel.Bins];
        var pad = _settings.Center ? _settings.NFft / 2 : 0;
        var paddedLength = samples16k.Length + 2 * pad;
        var lanes = BatchedRealFft.Lanes;
        var half = _fft.Half;
        var padded = ArrayPool<float>.Shared.Rent(paddedLength);
        var scratchLength = ((2 * half) + (half + 1) + LogMel.Bins) * lanes; // FFT re + im, spectrum, mel, per lane
        var scratch = ArrayPool<float>.Shared.Rent(scratchLength);
        try
        {
            FramePadding.Fill(samples16k, pad, _settings.PadMode == "reflect", padded.AsSpan(0, paddedLength));
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
        var half = _fft.Half;
        var packed = scratch[..(2 * half * lanes)];
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(scratch);
        var re = vectors[..half];
        var im = vectors.Slice(half, half);
        var spectrum = vectors.Slice(2 * half, half + 1);
        var mel = vectors.Slice(3 * half + 1, LogMel.Bins);
        var melLanes = MemoryMarshal.Cast<Vector<float>, float>(mel);
        var power = _settings.Power == 2;
        var hop = _settings.Hop;

        ref var packedStart = ref MemoryMarshal.GetReference(packed);
        ref var destinationStart = ref MemoryMarshal.GetArrayDataReference(_destination);
        ref var windowStart = ref MemoryMarshal.GetArrayDataReference(_window);
        var windowLength = _window.Length;
        for (var batch = 0; batch < frames; batch += lanes)
        {
            var count = Math.Min(lanes, frames - batch);
            packed.Clear(); // the FFT works in place, so the zero padding around the window is rewritten every batch
            for (var lane = 0; lane < count; lane++)
            {
                // In range: the last frame ends at (frames - 1) * hop + windowOffset + WinLength <= padded length.
                ref var frame = ref padded[(batch + lane) * hop + _windowOffset];
                _ = padded[(batch + lane) * hop + _windowOffset + windowLength - 1];
                ref var lanePacked = ref Unsafe.Add(ref packedStart, lane);
                for (var n = 0; n < windowLength; n++)
                {
                    Unsafe.Add(ref lanePacked, Unsafe.Add(ref destinationStart, n)) = Unsafe.Add(ref frame, n) * Unsafe.Add(ref windowStart, n);
                }
            }

            _fft.Transform(re, im);
            _fft.Spectrum(re, im, spectrum, power);
            ApplyFilterbank(spectrum, mel);

            for (var lane = 0; lane < count; lane++)
            {
                var row = output.AsSpan((batch + lane) * LogMel.Bins, LogMel.Bins);
                for (var m = 0; m < row.Length; m++)
                {
                    row[m] = MathF.Log(Math.Max(melLanes[m * lanes + lane], _logFloor));
                }
            }
        }
    }

    private void ApplyFilterbank(ReadOnlySpan<Vector<float>> spectrum, Span<Vector<float>> mel)
    {
        var weights = _filterbank.Weights;
        for (var m = 0; m < mel.Length; m++)
        {
            var acc = Vector<float>.Zero;
            var first = _filterbank.First[m];
            var offset = _filterbank.WeightOffset[m];
            var count = _filterbank.Count[m];
            for (var q = 0; q < count; q++)
            {
                acc += spectrum[first + q] * weights[offset + q];
            }

            mel[m] = acc;
        }
    }
}
