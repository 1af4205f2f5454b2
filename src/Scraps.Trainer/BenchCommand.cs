using System.CommandLine;
using System.Globalization;
using Scraps.Model.Runtime;
using Scraps.Phonetics;
using Scraps.Trainer.Fit;
using Spectre.Console;
using TorchSharp;

namespace Scraps.Trainer;

/// <summary>`scraps-train bench`: training steps per second of the shipped configs on this machine's CPU or GPU.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var configs = new Option<string[]>("--configs") { Description = "Configs to time (small, paper or .json files)", DefaultValueFactory = _ => ["small", "paper"], AllowMultipleArgumentsPerToken = true };
        var batch = new Option<int>("--batch", "-b") { Description = "Pairs per batch", DefaultValueFactory = _ => 32 };
        var seconds = new Option<double>("--seconds") { Description = "Length of every synthetic clip in seconds", DefaultValueFactory = _ => 4.0 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed steps first", DefaultValueFactory = _ => 2 };
        var steps = new Option<int>("--steps") { Description = "Timed steps per config", DefaultValueFactory = _ => 10 };
        var device = new Option<string>("--device") { Description = "auto, cpu or cuda", DefaultValueFactory = _ => "auto" };
        var torchLib = new Option<string?>("--torch-lib") { Description = $"A CUDA PyTorch installation's torch/lib folder (or ${TorchRuntimeOptions.TorchLibEnvironmentVariable})" };
        var threads = new Option<int>("--threads") { Description = "CPU threads for torch (0: torch's default)", DefaultValueFactory = _ => 0 };
        var results = new Option<string?>("--results") { Description = "Also append each row to this file as one JSON object a line" };
        var command = new Command("bench", "Time training steps per second of model configs on synthetic clips")
        {
            configs, batch, seconds, warmup, steps, device, torchLib, threads, results,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var info = TorchRuntime.Initialize(new TorchRuntimeOptions { Device = parse.GetValue(device)!, TorchLibPath = parse.GetValue(torchLib) });
            var threadCount = parse.GetValue(threads);
            if (threadCount < 0)
            {
                throw new ArgumentException($"--threads must be 0 (torch's default) or positive, got {threadCount}.");
            }

            if (threadCount > 0)
            {
                torch.set_num_threads(threadCount);
            }

            var clipSeconds = parse.GetValue(seconds);
            if (!(clipSeconds > 0 && clipSeconds <= 60))
            {
                throw new ArgumentException($"--seconds must be in (0, 60], got {clipSeconds}.");
            }

            var frames = (int)Math.Round(clipSeconds * 80);
            var phonemes = Math.Max(1, (int)Math.Round(clipSeconds * 12));
            output.WriteLine($"device {info.Reason}; {torch.get_num_threads()} CPU threads; clips of {clipSeconds:0.##} s ({frames} frames, {phonemes} phonemes)");

            var table = new Table().AddColumns("config", "parameters", "batch", "steps/s", "clips/s", "audio s/s", "device");
            foreach (var name in (parse.GetValue(configs) ?? []).SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries)))
            {
                var config = ScrapsModelConfig.LoadNamedOrFile(name);
                if (config.VocabSize == 0)
                {
                    config = config with { VocabSize = PhonemeInventory.EnglishUs.Count };
                }

                var r = TrainingSpeed.Measure(config, info, parse.GetValue(batch), frames, phonemes, parse.GetValue(warmup), parse.GetValue(steps));
                table.AddRow(
                    r.Config, r.Parameters.ToString("N0", CultureInfo.InvariantCulture), r.Batch.ToString(CultureInfo.InvariantCulture),
                    r.StepsPerSecond.ToString("0.000", CultureInfo.InvariantCulture), (r.StepsPerSecond * r.Batch).ToString("0.0", CultureInfo.InvariantCulture),
                    r.AudioSecondsPerSecond.ToString("0.0", CultureInfo.InvariantCulture), info.Device.ToString());
                if (parse.GetValue(results) is { } path)
                {
                    var row = new { bench = "train", config = r.Config, parameters = r.Parameters, batch = r.Batch, frames = r.Frames, stepsPerSecond = r.StepsPerSecond, device = info.Device.ToString(), reason = info.Reason, torch = typeof(torch).Assembly.GetName().Version?.ToString() };
                    File.AppendAllText(path, System.Text.Json.JsonSerializer.Serialize(row, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)) + "\n");
                }
            }
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No });
            console.Write(table);
            return 0;
        });
        return command;
    }
}
