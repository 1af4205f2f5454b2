using System.Buffers.Binary;
using Scraps.Cli.Eval;
using Scraps.Cli.Tests.Eval.Support;

namespace Scraps.Cli.Tests.Eval;

public sealed class CorruptionPlotWriterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "scraps-cli-eval-tests", Guid.NewGuid().ToString("N"));

    public CorruptionPlotWriterTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Writes_the_drops_lifts_and_auc_curves_as_png_images()
    {
        var paths = CorruptionPlotWriter.Write(SampleReports.Create(), _folder);

        Assert.Equal(new[] { "drops.png", "lifts.png", "auc.png" }, paths.Select(Path.GetFileName));
        foreach (var path in paths)
        {
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
            Assert.Equal(900, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16))); // IHDR width
            Assert.Equal(600, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20))); // IHDR height
            Assert.True(bytes.Length > 10_000, $"{Path.GetFileName(path)} is only {bytes.Length} bytes: nothing drawn?");
        }
    }
}
