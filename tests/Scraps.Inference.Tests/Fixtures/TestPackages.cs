using Scraps.Audio;
using Scraps.Inference.Package;
using Scraps.Onnx.Graphs;
using ScrapsModelConfig = Scraps.Architecture.ScrapsModelConfig; // an alias: some projects that link this file import Scraps.Architecture globally, others do not
using Scraps.Phonetics;

namespace Scraps.Inference.Tests.Fixtures;

/// <summary>
/// Builds small random-weight model packages (Scraps.Onnx's graph writer, no training) in temporary folders.
/// Shared by the Inference and CLI tests.
/// </summary>
internal static class TestPackages
{
    /// <summary>Every temporary folder of this test process lives under here and is deleted when the process exits.</summary>
    private static readonly string Root = CreateRoot();

    /// <summary>The inventory of the test packages: espeak-ng en-us, as shipped models use.</summary>
    public static PhonemeInventory Inventory => PhonemeInventory.EnglishUs;

    public static int VocabSize => Inventory.Count;

    public static ScrapsModelConfig Dims(int acousticSubsampling = 2, int maxPositions = 512) =>
        RandomScrapsWeights.TinyDims(acousticSubsampling, VocabSize, LogMel.Bins, maxPositions);

    /// <summary>The tiny sizes with the CTC head (phone log-probabilities and a verdict calibration).</summary>
    public static ScrapsModelConfig HeadDims(int acousticSubsampling = 4) => Dims(acousticSubsampling) with { CtcHead = true };

    /// <summary>Writes both graphs and model.json into a new temporary folder; returns the folder.</summary>
    public static string Create(int seed = 7, ScrapsModelConfig? dims = null, Func<ModelManifest, ModelManifest>? edit = null)
    {
        var folder = NewTempFolder();
        CreateIn(folder, seed, dims, edit);
        return folder;
    }

    public static void CreateIn(string folder, int seed = 7, ScrapsModelConfig? dims = null, Func<ModelManifest, ModelManifest>? edit = null)
    {
        dims ??= Dims();
        ScrapsGraphWriter.Write(RandomScrapsWeights.Create(dims, seed), folder);
        var manifest = Manifest(dims);
        ModelPackageWriter.Write(folder, edit is null ? manifest : edit(manifest));
    }

    public static ModelManifest Manifest(ScrapsModelConfig dims) => new()
    {
        Name = "test-tiny",
        Version = "0.0.1",
        Created = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
        Architecture = dims,
        FrontEnd = FrontEndSettings.Default,
        Features = new FeatureMeanStd(
            Enumerable.Range(0, LogMel.Bins).Select(b => -4f + (0.01f * b)).ToArray(),
            Enumerable.Range(0, LogMel.Bins).Select(b => 2f + (0.005f * b)).ToArray()),
        Phonemes = PhonemeInventoryInfo.From(Inventory),
        G2p = new G2pInfo("espeak-ng", "en-us", "1.51"),
        Calibration = new CalibrationInfo(CalibrationInfo.Logistic, 0.5, -0.25),
        Threshold = 0.5,
        // A package with the CTC head carries a verdict (fitted at export; fixed numbers here).
        Verdict = dims.CtcHead ? new VerdictInfo(0.5, 1.0, 2.0, 1.0, 0.25, -2.0) : null,
        TrainingSummary = new System.Text.Json.Nodes.JsonObject { ["steps"] = 0, ["note"] = "random weights" },
    };

    /// <summary>Random standardised features for a clip of <paramref name="frames"/> frames.</summary>
    public static LogMel RandomFeatures(int frames, int seed)
    {
        var random = new Random(seed);
        var data = new float[frames * LogMel.Bins];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return new LogMel(data, frames);
    }

    public static long[] RandomPhonemes(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (long)random.Next(1, VocabSize)).ToArray();
    }

    /// <summary>A new empty folder, deleted with the others when the test process exits.</summary>
    public static string NewTempFolder()
    {
        var folder = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string CreateRoot()
    {
        var parent = Path.Combine(Path.GetTempPath(), "scraps-tests");
        DeleteFoldersOfEndedRuns(parent);
        var root = Path.Combine(parent, $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder.
            }
        };
        return root;
    }

    /// <summary>The test host does not always run exit handlers: folders of processes that are gone are removed here.</summary>
    private static void DeleteFoldersOfEndedRuns(string parent)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(parent))
        {
            var name = Path.GetFileName(folder);
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && int.TryParse(name.AsSpan(0, dash), out var pid) && !IsRunning(pid))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Another test process is cleaning it up.
                }
                catch (UnauthorizedAccessException)
                {
                    // Not ours to delete.
                }
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Copies a package folder (to break a copy without touching the shared one).</summary>
    public static string Copy(string folder)
    {
        var copy = NewTempFolder();
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }
}

/// <summary>One random-weight package shared by the tests of a class (read-only: tests that break it copy it first).</summary>
public sealed class TestPackageFixture : IDisposable
{
    public TestPackageFixture()
    {
        Folder = TestPackages.Create();
    }

    public string Folder { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }
}
