using System.Buffers.Binary;
using System.CommandLine;
using Scraps.Audio;
using Scraps.Inference.Package;

namespace Scraps.Cli;

/// <summary>
/// <c>scraps features IN --out OUT.f32 [--raw] [--model DIR]</c>: the front end's log-mel matrix of one audio file,
/// [frames, 80] float32 little-endian row-major; standardised with the model package's mean/std unless --raw.
/// </summary>
internal static class FeaturesCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("audio") { Description = "Audio file (WAV, FLAC, ...; any rate, mono or stereo)" };
        var output = new Option<string>("--out", "-o") { Description = "Output file: [frames, 80] float32 little-endian, row-major", Required = true };
        var raw = new Option<bool>("--raw") { Description = "Write the log-mel before standardisation (no model needed)" };
        var model = new Option<string?>("--model", "-m") { Description = $"Model package folder (default: the bundled {ModelLocator.DefaultRelativePath})" };

        var command = new Command("features", "Write the log-mel features of an audio file as the model sees them") { input, output, raw, model };
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(
            parseResult.GetRequiredValue(input),
            parseResult.GetRequiredValue(output),
            parseResult.GetValue(raw),
            parseResult.GetValue(model),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error)));
        return command;
    }

    private static int Run(string inputPath, string outputPath, bool raw, string? modelFolder, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(inputPath))
        {
            throw new FileNotFoundException($"audio file not found: {inputPath}", inputPath);
        }

        ModelManifest? manifest = null;
        if (!raw || modelFolder is not null)
        {
            // Only model.json is needed: the graphs are not loaded (nor hashed). A bad package is an input error the
            // runner reports (IInputError).
            manifest = ModelPackageReader.Read(ModelLocator.Resolve(modelFolder), verifyHashes: false);
        }

        var extractor = new LogMelExtractor(manifest?.FrontEnd ?? FrontEndSettings.Default);
        var features = extractor.Compute(AudioFrontEnd.LoadMono16kFile(inputPath));
        if (!raw)
        {
            new FeatureStandardizer(manifest!.Features.Mean, manifest.Features.Std).ApplyInPlace(features.Data);
        }

        Write(features, outputPath);
        var kind = raw ? "raw log-mel" : $"log-mel standardised with {manifest!.Name} {manifest.Version}";
        stdout.WriteLine($"{outputPath}: [{features.Frames}, {LogMel.Bins}] float32 little-endian ({kind})");
        return 0;
    }

    private static void Write(LogMel features, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var bytes = new byte[features.Data.Length * sizeof(float)];
        for (var i = 0; i < features.Data.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), features.Data[i]);
        }

        File.WriteAllBytes(path, bytes);
    }
}
