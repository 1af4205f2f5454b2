using System.Text.Json;
using Scraps.Inference.Package;
using Scraps.Model.Export;
using Scraps.Model.Modules;
using Scraps.Phonetics;

namespace Scraps.Trainer.Export;

/// <summary>
/// <c>scraps-train export --safetensors</c>: a checkpoint's or a model package's weights as a folder PyTorch reads
/// (<see cref="SafetensorsWeights"/>): model.safetensors, config.json (the architecture) and phonemes.json (the
/// inventory, as in model.json). No calibration and no ONNX: the weights are what travels.
/// </summary>
internal static class SafetensorsExporter
{
    /// <summary>The latest checkpoint of a run, or one checkpoint (see <see cref="ExportCheckpointLocator"/>).</summary>
    public static SafetensorsExportResult Export(ExportCheckpoint checkpoint, string outFolder, bool force)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var config = checkpoint.State.Options.Config;
        var inventory = PhonemeInventory.EnglishUs;
        if (checkpoint.State.InventoryVersion != inventory.Version)
        {
            throw new ArgumentException(
                $"checkpoint {checkpoint.WeightsPath} uses phoneme inventory '{checkpoint.State.InventoryVersion}', this build ships '{inventory.Version}': export with the build it was trained with");
        }

        using var model = ScrapsNet.LoadWeights(checkpoint.WeightsPath, config);
        return Write(model, PhonemeInventoryInfo.From(inventory), outFolder, force);
    }

    /// <summary>A model package (e.g. models/scraps-en-base): its weights are read back out of its ONNX graphs.</summary>
    public static SafetensorsExportResult ExportPackage(string packageFolder, string outFolder, bool force)
    {
        var folder = Path.GetFullPath(packageFolder);
        var manifest = ModelPackageReader.Read(folder);
        using var model = PackageGraphWeights.Load(folder, manifest.Architecture, manifest.Architecture);
        return Write(model, manifest.Phonemes, outFolder, force);
    }

    private static SafetensorsExportResult Write(ScrapsNet model, PhonemeInventoryInfo phonemes, string outFolder, bool force)
    {
        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outFolder));
        PackageExporter.CheckOutFolder(output, force, "model.safetensors, config.json and phonemes.json");
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            Directory.Delete(output, recursive: true);
        }

        Directory.CreateDirectory(output);
        var weights = Path.Combine(output, SafetensorsWeights.WeightsFile);
        SafetensorsWeights.Write(model, weights);
        File.WriteAllText(Path.Combine(output, SafetensorsWeights.ConfigFile), model.Config.ToJson() + Environment.NewLine);
        File.WriteAllText(Path.Combine(output, SafetensorsWeights.PhonemesFile), JsonSerializer.Serialize(phonemes, ModelManifestJson.Options) + Environment.NewLine);
        return new SafetensorsExportResult(output, model.state_dict().Count, new FileInfo(weights).Length);
    }
}

/// <summary>What <see cref="SafetensorsExporter"/> wrote.</summary>
internal sealed record SafetensorsExportResult(string Folder, int Tensors, long Bytes);
