using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Scraps.Data;
using Scraps.Inference.Package;
using Scraps.Inference.Runtime;
using Scraps.Shared;
using Scraps.Trainer.Export;
using Xunit.Abstractions;

namespace Scraps.Trainer.Tests.Export;

[Collection(ExportCollection.Name)]
public sealed class ExportCommandTests(ExportFixture fixture, ITestOutputHelper log)
{
    [Fact]
    public async Task Exports_the_latest_checkpoint_of_a_run_as_a_package_the_engine_loads()
    {
        var output = fixture.NewFolder("pkg");
        var (code, stdout, stderr) = await ExportAsync($"--run {fixture.Run} --cache {fixture.Cache} --out {output} --name tiny --version 0.3.0 --threads 1");
        log.WriteLine($"corpus {fixture.BuildTime.TotalSeconds:0.0} s, training {fixture.TrainTime.TotalSeconds:0.0} s\n{stdout}{stderr}");
        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("parity ONNX Runtime vs TorchSharp", stdout);
        Assert.False(Directory.Exists(output + ".partial"));

        using var model = ScrapsModel.Load(output);
        var manifest = model.Manifest;
        Assert.Equal(("tiny", "0.3.0"), (manifest.Name, manifest.Version));
        Assert.Equal((64, 1, 2, 128, 32, 4, 512), (manifest.Architecture.ModelDim, manifest.Architecture.Layers, manifest.Architecture.Heads,
            manifest.Architecture.FfnDim, manifest.Architecture.LstmHidden, manifest.Architecture.AcousticSubsampling, manifest.Architecture.MaxPositions));
        using (var cache = FeatureCache.Open(fixture.Cache))
        {
            Assert.Equal(cache.Mean, manifest.Features.Mean);
            Assert.Equal(cache.Std, manifest.Features.Std);
            Assert.Equal(cache.InventoryVersion, manifest.Phonemes.Version);
        }

        Assert.Equal(("espeak-ng", "en-us"), (manifest.G2p.Engine, manifest.G2p.Voice));
        Assert.Matches(@"^\d+\.\d+", manifest.G2p.Version);
        Assert.Equal(["acoustic.onnx", "phonetic.onnx"], manifest.Files.Keys.Order());
        Assert.All(manifest.Files.Values, hash => Assert.Matches("^[0-9a-f]{64}$", hash));

        var summary = manifest.TrainingSummary!;
        Assert.Equal(ExportFixture.Steps, (long)summary["steps"]!);
        Assert.Equal("cache", (string)summary["cache"]!);
        Assert.Equal(ExportFixture.Clips, (int)summary["clips"]!["train"]! + (int)summary["clips"]!["valid"]! + (int)summary["clips"]!["test"]!);
        Assert.Equal(ExportFixture.Steps, (double)summary["lastValidation"]!["step"]!);
        Assert.Equal(ExportFixture.Clips, (int)summary["corpus"]!["clips"]!);
        Assert.True((int)summary["voices"]! > 1);
        var calibration = summary["calibration"]!;
        var matchedMean = (double)calibration["matchedMean"]!;
        var mismatchedMean = (double)calibration["mismatchedMean"]!;
        Assert.Equal("valid", (string)calibration["split"]!);
        Assert.InRange(manifest.Threshold, mismatchedMean, matchedMean);
        Assert.True(manifest.Calibration.A > 0, $"calibration slope {manifest.Calibration.A}");
        Assert.True((double)calibration["aucRoc"]! > 0.5, calibration.ToJsonString());
        Assert.InRange((double)summary["parity"]!["maxRelativeErrorAcoustic"]!, 0, 1e-4);
        Assert.InRange((double)summary["parity"]!["maxRelativeErrorPhonetic"]!, 0, 1e-4);
        Assert.InRange(model.Calibration.Probability(matchedMean), 0.5, 1);
        Assert.InRange(model.Calibration.Probability(mismatchedMean), 0, 0.5);
    }

    [Fact]
    public async Task Include_checkpoint_adds_the_weights_and_config_and_hashes_them()
    {
        var output = fixture.NewFolder("ckpt");
        var checkpoint = Directory.GetDirectories(Path.Combine(fixture.Run, "checkpoints"), "step-*").Order(StringComparer.Ordinal).First();
        var (code, stdout, stderr) = await ExportAsync(
            $"--checkpoint {checkpoint} --cache {fixture.Cache} --out {output} --include-checkpoint --calibration-pairs 6 --parity-items 2 --threads 1");
        Assert.True(code == 0, stderr + stdout);

        using var model = ScrapsModel.Load(output);
        Assert.Equal(["acoustic.onnx", "checkpoint.bin", "config.json", "phonetic.onnx"], model.Manifest.Files.Keys.Order());
        Assert.Equal(File.ReadAllBytes(Path.Combine(checkpoint, "model.bin")), File.ReadAllBytes(Path.Combine(output, "checkpoint.bin")));
        Assert.Equal("tiny-export", (string)JsonNode.Parse(File.ReadAllText(Path.Combine(output, "config.json")))!["name"]!);
        Assert.Equal(output.Split(Path.DirectorySeparatorChar)[^1], model.Manifest.Name);
        Assert.Equal(ExportFixture.Steps / 2, (long)model.Manifest.TrainingSummary!["steps"]!);
        Assert.Equal(6, (int)model.Manifest.TrainingSummary!["calibration"]!["matchedPairs"]!);
    }

    [Fact]
    public async Task A_non_empty_out_folder_is_kept_unless_forced()
    {
        var output = fixture.NewFolder("used");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");
        var arguments = $"--run {fixture.Run} --cache {fixture.Cache} --out {output} --calibration-pairs 4 --parity-items 1 --threads 1";

        var refused = await ExportAsync(arguments);
        Assert.Equal(CommandLineRunner.InputError, refused.Code);
        Assert.Contains("--force", refused.Error);
        Assert.True(File.Exists(Path.Combine(output, "notes.txt")));

        var forced = await ExportAsync(arguments + " --force");
        Assert.True(forced.Code == 0, forced.Error);
        Assert.False(File.Exists(Path.Combine(output, "notes.txt")));
        Assert.True(File.Exists(Path.Combine(output, ModelManifest.FileName)));
    }

    [Theory]
    [InlineData("--run {0}/no-run --cache {1} --out {0}/e1", "no-run")]
    [InlineData("--run {2} --cache {0}/no-cache --out {0}/e2", "no-cache")]
    [InlineData("--cache {1} --out {0}/e3", "--run")]
    [InlineData("--run {2} --checkpoint {2} --cache {1} --out {0}/e4", "not both")]
    [InlineData("--checkpoint {0}/no-ckpt/model.bin --cache {1} --out {0}/e5", "no-ckpt")]
    [InlineData("--run {2} --cache {1} --out {0}/e6 --calibration-split train", "--calibration-split")]
    [InlineData("--run {2} --cache {1} --out {0}/e7 --calibration-pairs 1", "--calibration-pairs")]
    [InlineData("--run {2} --cache {1} --out {0}/e8 --calibration-split test", "'test' split")]
    public async Task Bad_input_exits_2_with_a_one_line_error_and_writes_nothing(string arguments, string expected)
    {
        var formatted = string.Format(CultureInfo.InvariantCulture, arguments, fixture.Root, fixture.Cache, fixture.Run);
        var (code, _, error) = await ExportAsync(formatted);
        Assert.Equal(CommandLineRunner.InputError, code);
        Assert.Contains(expected, error);
        Assert.Single(error.Trim().Split('\n'));
        var output = formatted.Split(' ')[Array.IndexOf(formatted.Split(' '), "--out") + 1];
        Assert.False(Directory.Exists(output));
        Assert.False(Directory.Exists(output + ".partial"));
    }

    [Fact]
    public async Task A_parity_failure_exits_1_with_the_measured_error_and_writes_nothing()
    {
        var output = fixture.NewFolder("strict-cli");
        var (code, stdout, stderr) = await ExportAsync($"--run {fixture.Run} --cache {fixture.Cache} --out {output} --parity-tolerance 1e-15 --parity-items 2 --threads 1");

        Assert.Equal(1, code);
        Assert.Matches(@"^error: the exported graphs differ from the TorchSharp model: max relative error \d\.\d+E-\d+", stderr);
        Assert.Contains("parity ONNX Runtime vs TorchSharp on 2 held-out items", stdout);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task A_checkpoint_of_another_phoneme_inventory_is_refused()
    {
        var copy = fixture.NewFolder("other-inventory");
        var source = Directory.GetDirectories(Path.Combine(fixture.Run, "checkpoints"), "step-*").First();
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        var state = JsonNode.Parse(File.ReadAllText(Path.Combine(copy, "state.json")))!;
        state["inventoryVersion"] = "en-us-0";
        File.WriteAllText(Path.Combine(copy, "state.json"), state.ToJsonString());

        var (code, _, error) = await ExportAsync($"--checkpoint {copy}/model.bin --cache {fixture.Cache} --out {copy}-pkg");
        Assert.Equal(CommandLineRunner.InputError, code);
        Assert.Contains("'en-us-0'", error);
        Assert.False(Directory.Exists(copy + "-pkg"));
    }

    [Fact]
    public async Task Safetensors_export_writes_the_weights_under_pytorch_names_with_config_and_inventory_and_fit_starts_from_them()
    {
        var output = fixture.NewFolder("st");
        var (code, stdout, stderr) = await ExportAsync($"--run {fixture.Run} --safetensors --out {output}");
        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("model.safetensors", stdout);

        Assert.Equal(["config.json", "model.safetensors", "phonemes.json"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var state = Scraps.Model.Training.CheckpointStore.Latest(fixture.Run)!;
        Assert.Equal(state.Options.Config, ScrapsModelConfig.Parse(File.ReadAllText(Path.Combine(output, "config.json"))));
        var phonemes = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "phonemes.json")))!;
        Assert.Equal(Scraps.Phonetics.PhonemeInventory.EnglishUs.Version, (string)phonemes["version"]!);
        Assert.Equal(Scraps.Phonetics.PhonemeInventory.EnglishUs.Count, phonemes["symbols"]!.AsArray().Count);
        using (var scope = TorchSharp.torch.NewDisposeScope())
        using (var source = Scraps.Model.Modules.ScrapsNet.LoadWeights(state.WeightsPath!, state.Options.Config))
        {
            var written = Scraps.Model.Export.SafetensorsWeights.Read(Path.Combine(output, "model.safetensors"));
            Assert.Equal(source.state_dict().Keys.Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
            Assert.Contains("acoustic.blocks.0.attention.query.weight", written.Keys);
            foreach (var (name, tensor) in source.state_dict())
            {
                Assert.True(tensor.eq(written[name]).all().item<bool>(), $"{name} differs");
            }
        }

        var config = Path.Combine(fixture.Root, "tiny-export.json");
        var run = fixture.NewFolder("from-st");
        var weights = Path.Combine(output, "model.safetensors");
        var fit = await InvokeAsync(Scraps.Trainer.FitCommand.Create(), "fit",
            $"--cache {fixture.Cache} --config {config} --out {run} --init-from {weights} --steps 1 --batch 4 --validate-every 0 --log-every 1 --threads 1 --device cpu");
        Assert.True(fit.Code == 0, fit.Error + fit.Output);
        Assert.Contains($"training from the weights of safetensors {weights}", fit.Output);
        Assert.Equal(weights, Scraps.Model.Training.CheckpointStore.Latest(run)!.Options.InitialWeights);
    }

    [Fact]
    public async Task Safetensors_export_takes_the_shipped_model_package_to_pytorch()
    {
        var package = ModelLocator.Resolve(null);
        var output = fixture.NewFolder("st-package");

        var (code, stdout, stderr) = await ExportAsync($"--package {package} --safetensors --out {output}");

        Assert.True(code == 0, stderr + stdout);
        var manifest = ModelPackageReader.Read(package);
        using var scope = TorchSharp.torch.NewDisposeScope();
        var written = Scraps.Model.Export.SafetensorsWeights.Read(Path.Combine(output, "model.safetensors"));
        Assert.Equal([manifest.Architecture.VocabSize, manifest.Architecture.ModelDim], written["phonetic.embedding.weight"].shape);
        Assert.Equal([4L * manifest.Architecture.LstmHidden, manifest.Architecture.ModelDim], written["integrator.weight_ih_l0"].shape);
        Assert.Equal(manifest.Architecture.CtcHead, written.ContainsKey("ctc_head.weight"));
        Assert.Equal(manifest.Phonemes.Version, (string)JsonNode.Parse(File.ReadAllText(Path.Combine(output, "phonemes.json")))!["version"]!);
    }

    [Theory]
    [InlineData("--package {0} --run {1} --safetensors --out {2}/s1", "not several")]
    [InlineData("--package {0} --out {2}/s2", "add --safetensors")]
    [InlineData("--run {1} --out {2}/s3", "--cache is required")]
    public async Task Safetensors_export_input_errors_exit_2_with_one_line(string arguments, string expected)
    {
        var (code, _, error) = await ExportAsync(string.Format(CultureInfo.InvariantCulture, arguments, ModelLocator.Resolve(null), fixture.Run, fixture.Root));

        Assert.Equal(CommandLineRunner.InputError, code);
        Assert.Contains(expected, error);
        Assert.Single(error.Trim().Split('\n'));
    }

    private static async Task<(int Code, string Output, string Error)> InvokeAsync(Command command, string name, string arguments)
    {
        var root = new RootCommand("test") { command };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLineRunner.InvokeAsync(root, [name, .. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static async Task<(int Code, string Output, string Error)> ExportAsync(string arguments)
    {
        var root = new RootCommand("test") { ExportCommand.Create() };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLineRunner.InvokeAsync(root, ["export", .. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
