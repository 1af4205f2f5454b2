using Microsoft.ML.OnnxRuntime;
using Scraps.Model.Export;
using Scraps.Model.Modules;
using Scraps.Model.Runtime;
using static TorchSharp.torch;

namespace Scraps.Model.Tests.Export;

/// <summary>
/// A small random-weight <see cref="ScrapsNet"/> (every parameter perturbed away from its initial value, so
/// LayerNorm scales and alphas are not 1 and biases not 0), exported to a temporary folder and loaded in ONNX
/// Runtime, in eval mode.
/// </summary>
internal sealed class ParityModel : IDisposable
{
    private static readonly Lock SeedLock = new();

    private ParityModel(ScrapsNet net, string folder, OnnxExportResult export)
    {
        Net = net;
        Folder = folder;
        Export = export;
        Phonetic = new InferenceSession(export.PhoneticPath);
        Acoustic = new InferenceSession(export.AcousticPath);
    }

    public ScrapsNet Net { get; }

    public string Folder { get; }

    public OnnxExportResult Export { get; }

    public InferenceSession Phonetic { get; }

    public InferenceSession Acoustic { get; }

    public ScrapsModelConfig Config => Net.Config;

    public static ScrapsModelConfig SmallConfig(int subsampling) => new()
    {
        Name = "parity",
        ModelDim = 32,
        Layers = 2,
        Heads = 4,
        FfnDim = 64,
        Dropout = 0.1,
        LstmHidden = 24,
        AcousticSubsampling = subsampling,
        MelBins = 80,
        MaxPositions = 256,
        VocabSize = 40,
    };

    public static ParityModel Create(int subsampling, int seed = 17, bool ctcHead = false, PhoneBranchConfig? branch = null, MatchingHeadConfig? matching = null)
    {
        TorchRuntime.Initialize();
        ScrapsNet net;

        // manual_seed is process-wide: hold the lock so test classes running in parallel get reproducible weights.
        lock (SeedLock)
        {
            manual_seed(seed);
            net = new ScrapsNet(SmallConfig(subsampling) with { CtcHead = ctcHead || branch is not null, PhoneBranch = branch, MatchingHead = matching });
            using (no_grad())
            {
                foreach (var (_, parameter) in net.named_parameters())
                {
                    parameter.add_(rand_like(parameter).sub(0.5).mul(0.4));
                }
            }
        }

        net.eval();
        var folder = Directory.CreateTempSubdirectory("scraps-parity-").FullName;
        return new ParityModel(net, folder, ScrapsOnnxExporter.Export(net, folder));
    }

    public void Dispose()
    {
        Phonetic.Dispose();
        Acoustic.Dispose();
        Net.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
