using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scraps.Model.Export;
using Scraps.Model.Modules;
using Scraps.Model.Training;
using Scraps.Phonetics;
using static TorchSharp.torch;

namespace Scraps.Model.Tests.Export;

/// <summary>
/// Weights to and from PyTorch through safetensors, checked against an implementation of the format in Python's
/// standard library (Export/safetensors_stdlib.py), not against TorchSharp.PyBridge itself.
/// </summary>
public sealed class SafetensorsWeightsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("scraps-safetensors-").FullName;

    /// <summary>The tiny test architecture over the real en-us inventory (phonemes.json must match the run's).</summary>
    private static ScrapsModelConfig Config(bool ctcHead = false) =>
        TestModels.Tiny(subsampling: 2) with { VocabSize = PhonemeInventory.EnglishUs.Count, CtcHead = ctcHead };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_file_written_by_an_independent_writer_starts_a_run_with_its_values()
    {
        TorchTestEnvironment.EnsureCpu();
        var config = Config(ctcHead: true);
        var names = Shapes(config);
        // One tensor as float16, as PyTorch users often save: it is widened to float32.
        var spec = new JsonObject
        {
            ["metadata"] = new JsonObject { ["format"] = "pt" },
            ["tensors"] = new JsonArray(names.Select(n => (JsonNode)new JsonObject
            {
                ["name"] = n.Key,
                ["shape"] = new JsonArray(n.Value.Select(d => (JsonNode)d).ToArray()),
                ["dtype"] = n.Key == "acoustic.prenet.weight" ? "F16" : "F32",
            }).ToArray()),
        };
        var specPath = Path.Combine(_folder, "spec.json");
        File.WriteAllText(specPath, spec.ToJsonString());
        var file = Path.Combine(_folder, "from-python.safetensors");
        Python("write", specPath, file);
        WritePhonemes(PhonemeInventory.EnglishUs);

        using var model = InitialWeights.Resolve(file, config, PhonemeInventory.EnglishUs.Version).Load(config);

        var state = model.state_dict();
        Assert.Equal(names.Keys.Order(StringComparer.Ordinal), state.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, tensor) in state)
        {
            var values = tensor.contiguous().data<float>().ToArray();
            for (var i = 0; i < values.Length; i++)
            {
                var expected = name == "acoustic.prenet.weight" ? (float)(Half)Value(name, i) : (float)Value(name, i);
                Assert.True(values[i] == expected, $"{name}[{i}] is {values[i]}, the writer wrote {expected}");
            }
        }
    }

    [Fact]
    public void Written_weights_are_read_by_the_independent_reader_and_load_back_exactly()
    {
        using var model = Net(Config(ctcHead: true));
        var file = Path.Combine(_folder, SafetensorsWeights.WeightsFile);
        File.WriteAllBytes(file, new byte[1 << 20]);  // a longer file in the way must not leave its tail behind

        SafetensorsWeights.Write(model, file);
        WritePhonemes(PhonemeInventory.EnglishUs);
        var read = JsonNode.Parse(Python("read", file))!.AsObject();

        var state = model.state_dict();
        Assert.Equal(state.Keys.Order(StringComparer.Ordinal), read.Select(r => r.Key).Order(StringComparer.Ordinal));
        foreach (var (name, tensor) in state)
        {
            var values = tensor.contiguous().data<float>().ToArray();
            Assert.Equal(tensor.shape, read[name]!["shape"]!.AsArray().Select(d => d!.GetValue<long>()));
            Assert.Equal(values[0], read[name]!["first"]!.GetValue<double>());
            Assert.Equal(values[^1], read[name]!["last"]!.GetValue<double>());
            Assert.Equal(values.Sum(v => (double)v), read[name]!["sum"]!.GetValue<double>(), 6);
        }

        using var loaded = InitialWeights.Resolve(_folder, model.Config, PhonemeInventory.EnglishUs.Version).Load(model.Config);
        foreach (var (name, tensor) in loaded.state_dict())
        {
            Assert.True(tensor.eq(state[name]).all().item<bool>(), $"{name} changed in the round trip");
        }
    }

    [Fact]
    public void Weights_without_the_ctc_head_start_a_run_that_adds_it()
    {
        using var source = Net(Config(ctcHead: false));
        SafetensorsWeights.Write(source, Path.Combine(_folder, SafetensorsWeights.WeightsFile));
        WritePhonemes(PhonemeInventory.EnglishUs);

        using var model = InitialWeights.Resolve(_folder, Config(ctcHead: true), PhonemeInventory.EnglishUs.Version).Load(Config(ctcHead: true));

        Assert.NotNull(model.CtcHead);
        Assert.True(model.Phonetic.state_dict()["embedding.weight"].eq(source.Phonetic.state_dict()["embedding.weight"]).all().item<bool>());
    }

    [Fact]
    public void Other_names_shapes_or_inventory_are_refused_naming_every_difference()
    {
        using var model = Net(Config());
        var file = Path.Combine(_folder, "renamed.safetensors");
        using (var scope = NewDisposeScope())
        {
            var state = model.state_dict().ToDictionary(p => p.Key, p => p.Value);
            state["phonetic.emb.weight"] = state["phonetic.embedding.weight"];
            state.Remove("phonetic.embedding.weight");
            state["integrator.weight_hh_l0"] = zeros(4, 4);
            TorchSharp.PyBridge.Safetensors.SaveStateDict(file, state);
        }

        var symbols = PhonemeInventory.EnglishUs.Symbols.ToArray();
        (symbols[5], symbols[6]) = (symbols[6] with { Id = 5 }, symbols[5] with { Id = 6 });
        WritePhonemes(PhonemeInventory.FromSymbols(PhonemeInventory.EnglishUs.Version, symbols));
        File.WriteAllText(Path.Combine(_folder, SafetensorsWeights.ConfigFile), (model.Config with { Heads = 2 }).ToJson());

        var error = Assert.Throws<CheckpointFormatException>(() => InitialWeights.Resolve(file, model.Config, PhonemeInventory.EnglishUs.Version));

        Assert.Contains("missing phonetic.embedding.weight", error.Message, StringComparison.Ordinal);
        Assert.Contains("names the model does not have: phonetic.emb.weight", error.Message, StringComparison.Ordinal);
        Assert.Contains("'integrator.weight_hh_l0' is [4, 4], the model needs [96, 24]", error.Message, StringComparison.Ordinal);
        Assert.Contains("differs from this build's", error.Message, StringComparison.Ordinal);
        Assert.Contains("at token 5", error.Message, StringComparison.Ordinal);
        Assert.Contains("the model config differs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_without_their_phoneme_inventory_are_refused()
    {
        using var model = Net(Config());
        SafetensorsWeights.Write(model, Path.Combine(_folder, SafetensorsWeights.WeightsFile));

        var error = Assert.Throws<CheckpointFormatException>(() => InitialWeights.Resolve(_folder, model.Config, PhonemeInventory.EnglishUs.Version));

        Assert.Contains("phonemes.json is missing", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The writer's value formula (safetensors_stdlib.py value()).</summary>
    private static double Value(string name, int i)
    {
        var h = name.Sum(c => (int)c) % 101;
        return (((i * 37) + h) % 211) / 211.0 - 0.5;
    }

    private static ScrapsNet Net(ScrapsModelConfig config)
    {
        TorchTestEnvironment.EnsureCpu();
        manual_seed(3);
        return new ScrapsNet(config);
    }

    private static Dictionary<string, long[]> Shapes(ScrapsModelConfig config)
    {
        using var model = new ScrapsNet(config);
        return model.state_dict().ToDictionary(p => p.Key, p => p.Value.shape, StringComparer.Ordinal);
    }

    private void WritePhonemes(PhonemeInventory inventory) =>
        File.WriteAllText(Path.Combine(_folder, SafetensorsWeights.PhonemesFile), JsonSerializer.Serialize(new
        {
            version = inventory.Version,
            symbols = inventory.Symbols.Select(s => new { id = s.Id, xsampa = s.XSampa, ipa = s.Ipa, kind = s.Kind.ToString().ToLowerInvariant() }),
        }));

    private static string Python(params string[] arguments)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Export", "safetensors_stdlib.py");
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start (CI installs it: .ci/run)");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"safetensors_stdlib.py {string.Join(' ', arguments)} failed: {error}");
        return output.Result;
    }
}
