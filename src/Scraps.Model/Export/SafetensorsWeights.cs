using System.Text.Json;
using Scraps.Model.Modules;
using Scraps.Model.Training;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Scraps.Model.Export;

/// <summary>
/// A model's weights as a safetensors folder that PyTorch reads (<c>safetensors.torch.load_file</c>): the
/// <see cref="ScrapsNet"/> state dict under its PyTorch-style names (<c>phonetic.embedding.weight</c>,
/// <c>integrator.weight_ih_l0</c>...; docs/pytorch.md maps each to the architecture), beside the architecture
/// (<see cref="ConfigFile"/>, the <see cref="ScrapsModelConfig"/> JSON) and the phoneme inventory
/// (<see cref="PhonemesFile"/>, model.json's <c>phonemes</c>): row i of the embedding and of the CTC head is token i.
/// The file itself is written and read by TorchSharp.PyBridge.
/// </summary>
public static class SafetensorsWeights
{
    public const string WeightsFile = "model.safetensors";
    public const string ConfigFile = "config.json";
    public const string PhonemesFile = "phonemes.json";

    /// <summary>Writes <paramref name="model"/>'s state dict (parameters and buffers, float32 on the CPU) to <paramref name="path"/>.</summary>
    public static void Write(ScrapsNet model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var scope = NewDisposeScope();
        var state = model.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().cpu().contiguous(), StringComparer.Ordinal);
        // FileMode.Create: PyBridge's own path overload opens with File.OpenWrite, which leaves the tail of a longer
        // file it overwrites, and safetensors readers refuse data beyond the last tensor.
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        Safetensors.SaveStateDict(stream, state);
    }

    /// <summary>
    /// The tensors of a safetensors file as float32 (a file saved in float16 or bfloat16 is widened), under the
    /// caller's dispose scope. <see cref="CheckpointFormatException"/> when the file is not safetensors.
    /// </summary>
    public static Dictionary<string, Tensor> Read(string path)
    {
        Dictionary<string, Tensor> loaded;
        try
        {
            loaded = Safetensors.LoadStateDict(path);
        }
        catch (Exception e) when (e is JsonException or IOException or NotImplementedException or ArgumentException or InvalidOperationException)
        {
            throw new CheckpointFormatException($"{path} is not a readable safetensors file: {e.Message}");
        }

        return loaded.ToDictionary(p => p.Key, p => Float32(p.Value), StringComparer.Ordinal);
    }

    private static Tensor Float32(Tensor tensor)
    {
        if (tensor.dtype == ScalarType.Float32)
        {
            return tensor;
        }

        var wide = tensor.to(ScalarType.Float32);
        tensor.Dispose();
        return wide;
    }

    /// <summary>
    /// What keeps <paramref name="weights"/> out of a model of <paramref name="config"/>: names it lacks (a CTC head
    /// may be missing when <paramref name="allowNewCtcHead"/>), names the model does not have, and shape mismatches.
    /// </summary>
    public static List<string> Differences(IReadOnlyDictionary<string, Tensor> weights, ScrapsModelConfig config, bool allowNewCtcHead)
    {
        ArgumentNullException.ThrowIfNull(weights);
        using var model = new ScrapsNet(config);
        var expected = model.state_dict().ToDictionary(p => p.Key, p => p.Value.shape, StringComparer.Ordinal);
        var problems = new List<string>();
        var missing = expected.Keys.Where(k => !weights.ContainsKey(k) && !(allowNewCtcHead && k.StartsWith("ctc_head.", StringComparison.Ordinal))).ToArray();
        if (missing.Length > 0)
        {
            problems.Add($"missing {Few(missing)}");
        }

        var unknown = weights.Keys.Where(k => !expected.ContainsKey(k)).Order(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            problems.Add($"names the model does not have: {Few(unknown)} (docs/pytorch.md lists the names)");
        }

        foreach (var (name, shape) in expected)
        {
            if (weights.TryGetValue(name, out var tensor) && !tensor.shape.SequenceEqual(shape))
            {
                problems.Add($"'{name}' is [{string.Join(", ", tensor.shape)}], the model needs [{string.Join(", ", shape)}]");
            }
        }
        return problems;
    }

    private static string Few(IReadOnlyList<string> names) =>
        names.Count <= 6 ? string.Join(", ", names) : $"{string.Join(", ", names.Take(6))} and {names.Count - 6} more";
}
