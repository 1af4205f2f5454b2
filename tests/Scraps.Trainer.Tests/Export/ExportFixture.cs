using System.CommandLine;
using System.Diagnostics;
using Scraps.Shared;
using Scraps.Trainer.Corpus;
using Scraps.Trainer.Tests.Fit;

namespace Scraps.Trainer.Tests.Export;

/// <summary>
/// Shared by the export tests: a tiny espeak-ng corpus (the 40 sentences of <see cref="TinyCorpusFixture"/>, each
/// read five times, one accent held out for validation, so held-out clips read sentences the model has heard in other
/// voices) with its feature cache, built through the real commands, and one run of `scraps-train fit` on it with a
/// tiny config (about 20 s on one CPU thread), whose held-out matched scores stand above the mismatched ones.
/// </summary>
public sealed class ExportFixture : IDisposable
{
    // LSTM hidden 32: TorchSharp's nn.LSTM leaves the LSTM equations at some small sizes (8, 10, 12, 16, 36, 40).
    public const string TinyConfig = """
        { "name": "tiny-export", "modelDim": 64, "layers": 1, "heads": 2, "ffnDim": 128, "dropout": 0.1,
          "lstmHidden": 32, "acousticSubsampling": 4, "melBins": 80, "maxPositions": 512, "vocabSize": 0 }
        """;

    public const int Clips = 5 * 40;

    public const int Steps = 400;

    public ExportFixture()
    {
        Root = Directory.CreateTempSubdirectory("scraps-export-").FullName;
        var text = Path.Combine(Root, "sentences.txt");
        File.WriteAllLines(text, TinyCorpusFixture.Sentences);
        var clock = Stopwatch.StartNew();
        var corpus = new RootCommand("test") { CorpusCommand.Create() };
        Invoke(corpus, $"corpus synth --out {Root}/corpus --clips {Clips} --no-fortunes --text {text} --synths espeak-ng --no-augment " +
                       "--valid-share 0.15 --valid-voices espeak-ng:en-029 --test-voices none --text-kinds sentence=1 --seed 5 -j 2");
        Invoke(corpus, $"corpus features --manifest {Root}/corpus/manifest.jsonl --out {Root}/cache --threads 2");
        BuildTime = clock.Elapsed;
        clock.Restart();
        var config = Path.Combine(Root, "tiny-export.json");
        File.WriteAllText(config, TinyConfig);
        Run = Path.Combine(Root, "run");
        Invoke(new RootCommand("test") { FitCommand.Create() },
            $"fit --cache {Cache} --config {config} --out {Run} --steps {Steps} --batch 16 --lr 2e-3 --warmup 20 " +
            $"--validate-every {Steps / 2} --checkpoint-every {Steps / 2} --valid-batch 16 --valid-batches 2 --log-every 50 --threads 1 --device cpu --seed 1");
        TrainTime = clock.Elapsed;
    }

    public string Root { get; }

    public string Cache => Path.Combine(Root, "cache");

    public string Run { get; }

    public TimeSpan BuildTime { get; }

    public TimeSpan TrainTime { get; }

    /// <summary>A new folder name under the fixture's root (not created).</summary>
    public string NewFolder(string prefix) => Path.Combine(Root, $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static void Invoke(RootCommand root, string arguments)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLineRunner.InvokeAsync(root, arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries), stdout, stderr).GetAwaiter().GetResult();
        if (code != 0)
        {
            throw new InvalidOperationException($"'{arguments}' failed with {code}: {stderr}{stdout}");
        }
    }
}

/// <summary>The export tests share one trained run and run alone (TorchSharp finalizers, see <see cref="TrainingCollection"/>).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExportCollection : ICollectionFixture<ExportFixture>
{
    public const string Name = "export (trained tiny run, not parallel)";
}
