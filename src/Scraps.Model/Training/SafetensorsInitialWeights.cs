using System.Text.Json;
using Scraps.Model.Export;
using Scraps.Model.Modules;
using Scraps.Phonetics;
using static TorchSharp.torch;

namespace Scraps.Model.Training;

/// <summary>
/// Initial weights from a safetensors file (<c>fit --init-from X.safetensors</c>), e.g. written by
/// <c>scraps-train export --safetensors</c> and trained on in PyTorch. The tensors must have this run's names and
/// shapes (a CTC head may be missing: a run may add it), and the phoneme inventory in <c>phonemes.json</c> beside
/// the file must be this run's, token for token: row i of the embedding and of the head is token i, so weights of
/// another inventory would load without error and mean nothing. A <c>config.json</c> beside the file, when there,
/// must describe this run's architecture (it also fixes what the shapes cannot show, e.g. the number of heads).
/// </summary>
internal sealed class SafetensorsInitialWeights(string path, Dictionary<string, Tensor> weights) : InitialWeights
{
    public override string Description => $"safetensors {path}";

    /// <summary>The safetensors file <paramref name="path"/> names: itself, or the model.safetensors of a folder; null otherwise.</summary>
    public static string? FileOf(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full) && full.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase))
        {
            return full;
        }

        var inFolder = Path.Combine(full, SafetensorsWeights.WeightsFile);
        return Directory.Exists(full) && File.Exists(inFolder) ? inFolder : null;
    }

    public static SafetensorsInitialWeights FromFile(string file, ScrapsModelConfig config, string inventoryVersion)
    {
        var folder = Path.GetDirectoryName(file)!;
        var problems = new List<string>();
        var configPath = Path.Combine(folder, SafetensorsWeights.ConfigFile);
        if (File.Exists(configPath))
        {
            problems.AddRange(Differences(ScrapsModelConfig.Parse(File.ReadAllText(configPath), configPath), config));
        }

        problems.AddRange(InventoryProblems(Path.Combine(folder, SafetensorsWeights.PhonemesFile), inventoryVersion));

        var weights = SafetensorsWeights.Read(file);
        problems.AddRange(SafetensorsWeights.Differences(weights, config, allowNewCtcHead: true));
        if (problems.Count > 0)
        {
            foreach (var tensor in weights.Values)
            {
                tensor.Dispose();
            }

            throw new CheckpointFormatException($"Cannot start from {file}: {string.Join("; ", problems)}.");
        }
        return new SafetensorsInitialWeights(file, weights);
    }

    public override ScrapsNet Load(ScrapsModelConfig config)
    {
        var model = new ScrapsNet(config);
        try
        {
            model.CopyFrom(weights);
            return model;
        }
        catch (ArgumentException e)
        {
            model.Dispose();
            throw new CheckpointFormatException($"Cannot start from {path}: {e.Message}.");
        }
        finally
        {
            foreach (var tensor in weights.Values)
            {
                tensor.Dispose();
            }
        }
    }

    /// <summary>The inventory beside the weights against this run's: same version and the same symbol for every id.</summary>
    private static IEnumerable<string> InventoryProblems(string phonemesPath, string inventoryVersion)
    {
        if (!File.Exists(phonemesPath))
        {
            return [$"{phonemesPath} is missing: the phoneme inventory the weights were trained with must be known (scraps-train export --safetensors writes it)"];
        }

        string? version;
        List<(int Id, string XSampa)> symbols;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(phonemesPath));
            version = document.RootElement.GetProperty("version").GetString();
            symbols = document.RootElement.GetProperty("symbols").EnumerateArray()
                .Select(s => (s.GetProperty("id").GetInt32(), s.GetProperty("xsampa").GetString() ?? string.Empty))
                .ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return [$"{phonemesPath} is not a phoneme inventory ({{version, symbols: [{{id, xsampa, ...}}]}}): {e.Message}"];
        }

        if (version != inventoryVersion)
        {
            return [$"the phoneme inventory is {inventoryVersion}, the weights use {version}"];
        }

        var run = PhonemeInventory.EnglishUs;
        if (run.Version != inventoryVersion)
        {
            return [];
        }

        var expected = run.Symbols.Select(s => (s.Id, s.XSampa)).ToList();
        if (symbols.SequenceEqual(expected))
        {
            return [];
        }

        var first = Enumerable.Range(0, Math.Max(symbols.Count, expected.Count))
            .First(i => i >= symbols.Count || i >= expected.Count || symbols[i] != expected[i]);
        return [$"{phonemesPath} calls itself {version} but differs from this build's {version} at token {first} "
                + $"({(first < symbols.Count ? $"'{symbols[first].XSampa}'" : "missing")} vs {(first < expected.Count ? $"'{expected[first].XSampa}'" : "missing")})"];
    }
}
