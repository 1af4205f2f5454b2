using Scraps.Audio;

namespace Scraps.Data.Tests;

/// <summary>
/// A tiny manifest over WAVs made here: two train clips (one at 22.05 kHz), a loud valid clip (so train-only
/// statistics differ from all-split ones), a test clip given as X-SAMPA, and two entries that must be skipped
/// (missing audio, unknown phoneme).
/// </summary>
internal sealed class CacheFixture : IDisposable
{
    public CacheFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "scraps-cache-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(Folder, "wavs"));
        Wav("t1.wav", 16000, 1.0, i => 0.3 * Math.Sin(2 * Math.PI * (200 + (i / 16.0)) * i / 16000));
        Wav("t2.wav", 22050, 0.7, i => 0.2 * Math.Sin(2 * Math.PI * 440 * i / 22050));
        var random = new Random(5);
        Wav("v1.wav", 16000, 0.5, _ => 0.9 * ((random.NextDouble() * 2) - 1));
        Wav("x1.wav", 16000, 0.6, i => 0.1 * Math.Sin(2 * Math.PI * 1000 * i / 16000));
        Entries =
        [
            new("t1", "wavs/t1.wav", "Hello there, general.", null, "s1") { Split = DataSplits.Train, Voice = "espeak-ng:en-us" },
            new("t2", "wavs/t2.wav", "A second sentence!", null, "s2") { Split = DataSplits.Train },
            new("missing", "wavs/none.wav", "No audio here.", null, "s1") { Split = DataSplits.Train },
            new("v1", "wavs/v1.wav", "Validation voice.", null, "s3") { Split = DataSplits.Valid },
            new("x1", "wavs/x1.wav", null, "h @ l \" oU |.", "s4") { Split = DataSplits.Test },
            new("badphone", "wavs/t1.wav", null, "h qq", "s1") { Split = DataSplits.Train },
        ];
        ManifestPath = Path.Combine(Folder, "manifest.jsonl");
        Manifest.Write(ManifestPath, Entries);
    }

    public string Folder { get; }

    public string ManifestPath { get; }

    public IReadOnlyList<ManifestEntry> Entries { get; }

    public string CacheDirectory => Path.Combine(Folder, "cache");

    public string Audio(string name) => Path.Combine(Folder, "wavs", name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private void Wav(string name, int rate, double seconds, Func<int, double> sample)
    {
        var samples = new float[(int)(rate * seconds)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)sample(i);
        }

        WavWriter.WritePcm16(Audio(name), samples, rate);
    }
}
