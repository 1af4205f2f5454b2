using System.Text.Json;
using Scraps.Model.Export;
using Scraps.Model.Modules;
using Scraps.Onnx.Graphs;

namespace Scraps.Model.Training;

/// <summary>
/// The weights a new run starts from (<see cref="TrainingOptions.InitialWeights"/>): another run's checkpoint, a
/// model package (the shipped model, whose ONNX graphs are read back with <see cref="ScrapsGraphReader"/>), or a
/// safetensors file, e.g. trained in PyTorch (<see cref="SafetensorsInitialWeights"/>). Each
/// must have this run's architecture and phoneme inventory, except that a run may add the CTC head to weights that
/// lack it (the head then starts from its random initialisation).
/// </summary>
internal abstract class InitialWeights
{
    internal const string PackageManifest = "model.json";

    /// <summary>Where the weights come from, for the log.</summary>
    public abstract string Description { get; }

    /// <summary>A new model of <paramref name="config"/> holding these weights.</summary>
    public abstract ScrapsNet Load(ScrapsModelConfig config);

    /// <summary>
    /// A run folder (its latest checkpoint), a checkpoint folder or a model package folder.
    /// <see cref="CheckpointFormatException"/> naming every difference that keeps the weights out of this run.
    /// </summary>
    public static InitialWeights Resolve(string path, ScrapsModelConfig config, string inventoryVersion)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(Path.Combine(full, PackageManifest)))
        {
            return FromPackage(full, config, inventoryVersion);
        }

        if (SafetensorsInitialWeights.FileOf(full) is { } safetensors)
        {
            return SafetensorsInitialWeights.FromFile(safetensors, config, inventoryVersion);
        }

        var source = CheckpointStore.Find(full, "initial weights");
        var problems = Differences(source.Options.Config, config);
        if (source.InventoryVersion != inventoryVersion)
        {
            problems.Add($"the phoneme inventory is {inventoryVersion}, the checkpoint used {source.InventoryVersion}");
        }

        if (!File.Exists(source.WeightsPath))
        {
            problems.Add($"{source.WeightsPath} is missing");
        }

        if (problems.Count > 0)
        {
            throw new CheckpointFormatException($"Cannot start from the weights of {source.Directory}: {string.Join("; ", problems)}.");
        }

        return new CheckpointWeights(source);
    }

    /// <summary>
    /// What differs between the source's architecture and this run's. Names and dropout may differ; a CTC head or a phone
    /// branch may be added (they start from their initialisation), and the acoustic subsampling may drop from 4 to 2
    /// (the second convolution is left behind: the encoder then runs at 25 ms steps).
    /// </summary>
    internal static List<string> Differences(ScrapsModelConfig source, ScrapsModelConfig run)
    {
        var problems = new List<string>();
        var comparable = source with
        {
            Name = run.Name,
            Dropout = run.Dropout,
            CtcHead = run.CtcHead,
            PhoneBranch = run.PhoneBranch,
            MatchingHead = run.MatchingHead,
            AcousticSubsampling = source.AcousticSubsampling >= run.AcousticSubsampling && run.AcousticSubsampling >= 2 ? run.AcousticSubsampling : source.AcousticSubsampling,
        };
        if (comparable != run)
        {
            problems.Add($"the model config differs (source: {source.ToJson().ReplaceLineEndings(" ")})");
        }

        if (source.CtcHead && !run.CtcHead)
        {
            problems.Add("the source has a CTC head and this run's config has none (set \"ctcHead\": true)");
        }

        return problems;
    }

    private static PackageWeights FromPackage(string folder, ScrapsModelConfig config, string inventoryVersion)
    {
        var manifestPath = Path.Combine(folder, PackageManifest);
        ScrapsModelConfig architecture;
        string? packageInventory;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(manifestPath));
            var root = document.RootElement;
            architecture = ScrapsModelConfig.Parse(root.GetProperty("architecture").GetRawText(), $"{manifestPath} architecture");
            packageInventory = root.GetProperty("phonemes").GetProperty("version").GetString();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or InvalidDataException)
        {
            throw new CheckpointFormatException($"Cannot start from model package {folder}: {manifestPath} is unreadable ({e.Message}).");
        }
        var problems = Differences(architecture, config);
        if (packageInventory != inventoryVersion)
        {
            problems.Add($"the phoneme inventory is {inventoryVersion}, the package uses {packageInventory}");
        }

        if (problems.Count > 0)
        {
            throw new CheckpointFormatException($"Cannot start from model package {folder}: {string.Join("; ", problems)}.");
        }

        return new PackageWeights(folder, architecture);
    }

    private sealed class CheckpointWeights(TrainingCheckpoint source) : InitialWeights
    {
        public override string Description => source.Directory!;

        public override ScrapsNet Load(ScrapsModelConfig config)
        {
            using var saved = ScrapsNet.LoadWeights(source.WeightsPath!, source.Options.Config);
            var model = new ScrapsNet(config);
            try
            {
                model.CopyFrom(saved.state_dict(), ScrapsNet.FreshParts(source.Options.Config, config));
                return model;
            }
            catch (ArgumentException e)
            {
                model.Dispose();
                throw new CheckpointFormatException($"Cannot start from the weights of {source.Directory}: {e.Message}.");
            }
        }
    }

    private sealed class PackageWeights(string folder, ScrapsModelConfig architecture) : InitialWeights
    {
        public override string Description => $"model package {folder}";

        public override ScrapsNet Load(ScrapsModelConfig config)
        {
            try
            {
                // Read with the package's own head setting; a run that adds the head keeps the new head's initialisation.
                return PackageGraphWeights.Load(folder, config, architecture);
            }
            catch (ArgumentException e)
            {
                throw new CheckpointFormatException($"Cannot start from model package {folder}: {e.Message}.");
            }
        }
    }
}
