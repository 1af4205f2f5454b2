using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Scraps.Audio;
using Scraps.Inference.Calibration;
using Scraps.Inference.Encoders;
using Scraps.Inference.Package;
using Scraps.Phonetics;

namespace Scraps.Inference.Runtime;

/// <summary>
/// A loaded model package: its manifest, the two encoders (one ONNX Runtime session each), the feature
/// standardiser, the phoneme inventory and the score calibration. Thread-safe; load once, share, dispose at exit.
/// </summary>
public sealed partial class ScrapsModel : IDisposable
{
    private readonly OrtGraph acousticGraph;
    private readonly OrtGraph phoneticGraph;

    private ScrapsModel(string folder, ModelManifest manifest, OrtGraph acousticGraph, OrtGraph phoneticGraph, ScrapsModelOptions options, ExecutionProviderKind provider)
    {
        Folder = folder;
        Manifest = manifest;
        this.acousticGraph = acousticGraph;
        this.phoneticGraph = phoneticGraph;
        ExecutionProvider = provider;
        Acoustic = new AcousticEncoder(acousticGraph, manifest.Architecture, options, (double)manifest.FrontEnd.Hop / manifest.FrontEnd.SampleRate);
        Phonetic = new PhoneticEncoder(phoneticGraph, manifest.Architecture, options);
        Standardizer = new FeatureStandardizer(manifest.Features.Mean, manifest.Features.Std);
        Calibration = ScoreCalibration.FromManifest(manifest);
        Inventory = manifest.Phonemes.ToInventory();
    }

    public string Folder { get; }

    public ModelManifest Manifest { get; }

    /// <summary>The provider the graphs really run on (CPU after a CUDA fall-back).</summary>
    public ExecutionProviderKind ExecutionProvider { get; }

    public AcousticEncoder Acoustic { get; }

    public PhoneticEncoder Phonetic { get; }

    /// <summary>Applies the package's per-bin mean/std to raw log-mel features.</summary>
    public FeatureStandardizer Standardizer { get; }

    public ScoreCalibration Calibration { get; }

    /// <summary>The phoneme inventory the model was trained with; phonetic inputs are ids of this inventory.</summary>
    public PhonemeInventory Inventory { get; }

    /// <summary>
    /// An espeak-ng phonemizer with the package's voice, mapping onto the package's inventory. The caller owns it.
    /// </summary>
    /// <exception cref="PhonemeInputException">The voice is unknown to the installed espeak-ng.</exception>
    /// <exception cref="EspeakNotAvailableException">libespeak-ng cannot be loaded.</exception>
    public EspeakPhonemizer CreatePhonemizer(string? espeakDataPath = null) =>
        new(new EspeakOptions { Voice = Manifest.G2p.Voice, Inventory = Inventory, DataPath = espeakDataPath });

    /// <summary>
    /// Opens a model package folder: reads and checks model.json (format version, consistency, file hashes), then
    /// creates one ONNX Runtime session per graph and checks each graph's inputs and outputs.
    /// </summary>
    /// <exception cref="ModelPackageException">Anything wrong with the package; names the file.</exception>
    public static ScrapsModel Load(string folder, ScrapsModelOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        options ??= new ScrapsModelOptions();
        options.Validate();
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ScrapsModel>();
        var full = Path.GetFullPath(folder);
        var manifest = ModelPackageReader.Read(full, options.VerifyHashes);
        var factory = new OrtSessionFactory(options, logger);
        var acoustic = OrtGraph.Open(full, GraphContract.Acoustic(manifest.Architecture), factory);
        OrtGraph phonetic;
        try
        {
            phonetic = OrtGraph.Open(full, GraphContract.Phonetic(manifest.Architecture), factory);
        }
        catch
        {
            acoustic.Dispose();
            throw;
        }

        try
        {
            var model = new ScrapsModel(full, manifest, acoustic, phonetic, options, factory.EffectiveProvider);
            LogLoaded(logger, manifest.Name, manifest.Version, full, factory.EffectiveProvider);
            return model;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            acoustic.Dispose();
            phonetic.Dispose();
            throw new ModelPackageException(Path.Combine(full, ModelManifest.FileName), e.Message, e);
        }
    }

    public void Dispose()
    {
        acousticGraph.Dispose();
        phoneticGraph.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded model {Name} {Version} from {Folder} on {Provider}")]
    private static partial void LogLoaded(ILogger logger, string name, string version, string folder, ExecutionProviderKind provider);
}
