namespace Scraps.Audio;

/// <summary>
/// The log-mel front end (DESIGN.md): torchaudio.transforms.MelSpectrogram with these arguments, then
/// natural log of max(x, <see cref="LogFloor"/>). Stored in the model package; <see cref="Default"/> is the
/// one every shipped model uses.
/// </summary>
/// <param name="SampleRate">Input rate in Hz (audio is resampled to it first).</param>
/// <param name="WinLength">Hann window length in samples (periodic window, zero-padded centred into <paramref name="NFft"/>).</param>
/// <param name="Hop">Frame step in samples.</param>
/// <param name="NFft">FFT size, a power of two.</param>
/// <param name="MelBins">Number of mel filters; <see cref="LogMel.Bins"/> (80) is the only value the extractor accepts.</param>
/// <param name="FMin">Lowest filter edge in Hz.</param>
/// <param name="FMax">Highest filter edge in Hz (at most SampleRate / 2).</param>
/// <param name="LogFloor">Values below it are clamped before the log.</param>
/// <param name="MelScale">"slaney" or "htk".</param>
/// <param name="Norm">"slaney" (area normalisation) or "none".</param>
/// <param name="Center">Frames centred on t * Hop, the signal padded by NFft / 2 on both sides.</param>
/// <param name="PadMode">"reflect" or "constant" (zeros), used when <paramref name="Center"/> is true.</param>
/// <param name="Power">1 for magnitude, 2 for power.</param>
public sealed record FrontEndSettings(
    int SampleRate = 16000,
    int WinLength = 800,
    int Hop = 200,
    int NFft = 1024,
    int MelBins = 80,
    double FMin = 0,
    double FMax = 8000,
    double LogFloor = 1e-5,
    string MelScale = "slaney",
    string Norm = "slaney",
    bool Center = true,
    string PadMode = "reflect",
    double Power = 1)
{
    public static FrontEndSettings Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting the extractor cannot honour.</summary>
    public void Validate()
    {
        Require(SampleRate is >= 1000 and <= 768_000, nameof(SampleRate), "must be 1000 to 768000 Hz");
        Require(NFft is >= 16 and <= 65536 && (NFft & (NFft - 1)) == 0, nameof(NFft), "must be a power of two from 16 to 65536");
        Require(WinLength >= 1 && WinLength <= NFft, nameof(WinLength), "must be 1 to NFft");
        Require(Hop >= 1, nameof(Hop), "must be at least 1");
        Require(MelBins == LogMel.Bins, nameof(MelBins), $"must be {LogMel.Bins}");
        Require(FMin >= 0 && FMin < FMax, nameof(FMin), "must be at least 0 and below FMax");
        Require(FMax <= SampleRate / 2.0, nameof(FMax), "must be at most SampleRate / 2");
        Require(LogFloor > 0 && double.IsFinite(LogFloor), nameof(LogFloor), "must be positive");
        Require(MelScale is "slaney" or "htk", nameof(MelScale), "must be \"slaney\" or \"htk\"");
        Require(Norm is "slaney" or "none", nameof(Norm), "must be \"slaney\" or \"none\"");
        Require(PadMode is "reflect" or "constant", nameof(PadMode), "must be \"reflect\" or \"constant\"");
        Require(Power is 1 or 2, nameof(Power), "must be 1 (magnitude) or 2 (power)");
    }

    private void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"front end setting {name} {rule} (got {Value(name)})", name);
        }
    }

    private object Value(string name) => name switch
    {
        nameof(SampleRate) => SampleRate,
        nameof(NFft) => NFft,
        nameof(WinLength) => WinLength,
        nameof(Hop) => Hop,
        nameof(MelBins) => MelBins,
        nameof(FMin) => FMin,
        nameof(FMax) => FMax,
        nameof(LogFloor) => LogFloor,
        nameof(MelScale) => MelScale ?? "null",
        nameof(Norm) => Norm ?? "null",
        nameof(PadMode) => PadMode ?? "null",
        nameof(Power) => Power,
        _ => "?",
    };
}
