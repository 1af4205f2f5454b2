namespace Scraps.Audio;

/// <summary>A log-mel matrix, row-major [<see cref="Frames"/>, <see cref="Bins"/>].</summary>
public sealed record LogMel
{
    public const int Bins = 80;

    /// <summary>Seconds between frames: the front end's hop of 200 samples at 16 kHz.</summary>
    public const double FrameSeconds = 0.0125;

    public LogMel(float[] Data, int Frames)
    {
        ArgumentNullException.ThrowIfNull(Data);
        ArgumentOutOfRangeException.ThrowIfNegative(Frames);
        if (Data.Length != (long)Frames * Bins)
        {
            throw new ArgumentException($"log-mel data has {Data.Length} values, expected {Frames} frames x {Bins} bins", nameof(Data));
        }

        this.Data = Data;
        this.Frames = Frames;
    }

    public float[] Data { get; }

    public int Frames { get; }

    /// <summary>The audio's duration as the frames cover it.</summary>
    public double Seconds => Frames * FrameSeconds;

    /// <summary>The 80 values of one frame.</summary>
    public ReadOnlySpan<float> Frame(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Frames);
        return Data.AsSpan(index * Bins, Bins);
    }

    public void Deconstruct(out float[] Data, out int Frames)
    {
        Data = this.Data;
        Frames = this.Frames;
    }
}
