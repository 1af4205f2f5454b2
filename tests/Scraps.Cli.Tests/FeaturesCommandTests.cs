using System.Buffers.Binary;
using System.CommandLine;
using Scraps.Audio;
using Scraps.Inference.Package;
using Scraps.Inference.Tests.Fixtures;
using Scraps.Shared;

namespace Scraps.Cli.Tests;

public sealed class FeaturesCommandTests : IClassFixture<TestPackageFixture>
{
    private static readonly string Speech = Path.Combine(AppContext.BaseDirectory, "testdata", "audio", "speech_22k_pcm16.wav");
    private readonly TestPackageFixture _package;
    private readonly string _output = Path.Combine(TestPackages.NewTempFolder(), "features.f32");

    public FeaturesCommandTests(TestPackageFixture package) => _package = package;

    [Fact]
    public async Task Raw_is_the_log_mel_extractor_output()
    {
        var (exitCode, stdout, stderr) = await RunAsync(Speech, "--out", _output, "--raw");

        var expected = new LogMelExtractor().Compute(AudioFrontEnd.LoadMono16kFile(Speech));
        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        Assert.Equal(expected.Data, ReadFloats(_output));
        Assert.Contains($"[{expected.Frames}, 80] float32 little-endian (raw log-mel)", stdout);
    }

    [Fact]
    public async Task Default_is_standardised_with_the_packages_mean_and_std()
    {
        var (exitCode, stdout, _) = await RunAsync(Speech, "--out", _output, "--model", _package.Folder);

        var manifest = ModelPackageReader.Read(_package.Folder);
        var raw = new LogMelExtractor().Compute(AudioFrontEnd.LoadMono16kFile(Speech));
        var expected = new FeatureStandardizer(manifest.Features.Mean, manifest.Features.Std).Apply(raw);
        Assert.Equal(0, exitCode);
        Assert.Equal(expected.Data, ReadFloats(_output));
        Assert.Contains("standardised with test-tiny", stdout);
    }

    [Fact]
    public async Task AMissingAudioFileIsAnInputError()
    {
        var (exitCode, _, stderr) = await RunAsync("no/such.wav", "--out", _output, "--raw");

        Assert.Equal(CommandLineRunner.InputError, exitCode);
        Assert.StartsWith("error: audio file not found", stderr);
    }

    [Fact]
    public async Task AFileThatIsNotAudioIsAnInputError()
    {
        var notAudio = Path.ChangeExtension(_output, ".wav");
        Directory.CreateDirectory(Path.GetDirectoryName(notAudio)!);
        File.WriteAllText(notAudio, "this is not a RIFF file at all, just text");

        var (exitCode, _, stderr) = await RunAsync(notAudio, "--out", _output, "--raw");

        Assert.Equal(CommandLineRunner.InputError, exitCode);
        Assert.StartsWith("error: ", stderr);
        Assert.False(File.Exists(_output));
    }

    [Fact]
    public async Task AMissingModelIsAnInputErrorNamingTheFolder()
    {
        var missing = Path.Combine(Path.GetTempPath(), "scraps-no-model-here");

        var (exitCode, _, stderr) = await RunAsync(Speech, "--out", _output, "--model", missing);

        Assert.Equal(CommandLineRunner.InputError, exitCode);
        Assert.Contains("scraps-no-model-here", stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var root = new RootCommand("test") { FeaturesCommand.Create() };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await CommandLineRunner.InvokeAsync(root, ["features", .. args], stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private static float[] ReadFloats(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var values = new float[bytes.Length / 4];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4));
        }

        return values;
    }
}
