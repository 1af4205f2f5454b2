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
    private readonly ModelSessions _sessions;

    private ScrapsModel(string folder, ModelManifest manifest, ModelSessions sessions, ScrapsModelOptions options)
    {
        Folder = folder;
        Manifest = manifest;
        _sessions = sessions;
        RunLimits = GraphRunLimits.For(options, sessions.Provider.Running);
        Acoustic = new OnnxAcousticEncoder(sessions.Acoustic, manifest.Architecture, RunLimits, (double)manifest.FrontEnd.Hop / manifest.FrontEnd.SampleRate);
        Phonetic = new OnnxPhoneticEncoder(sessions.Phonetic, manifest.Architecture, RunLimits);
        Matching = sessions.Matching is null ? null : new OnnxMatchingEncoder(sessions.Matching, manifest.Architecture);
        Standardizer = new FeatureStandardizer(manifest.Features.Mean, manifest.Features.Std);
        Calibration = ScoreCalibration.FromManifest(manifest);
        Inventory = manifest.Phonemes.ToInventory();
    }

    public string Folder { get; }

    public ModelManifest Manifest { get; }

    /// <summary>The provider the graphs really run on (CPU after a CUDA fall-back): Cpu or Cuda.</summary>
    public ExecutionProviderKind ExecutionProvider => Provider.Running;

    /// <summary>What was asked for, what runs, on which GPUs, and why.</summary>
    public ExecutionProviderStatus Provider => _sessions.Provider;

    /// <summary>How the encoders cut a list into graph runs on this provider.</summary>
    public GraphRunLimits RunLimits { get; }

    public OnnxAcousticEncoder Acoustic { get; }

    public OnnxPhoneticEncoder Phonetic { get; }

    /// <summary>The matching head, for a model with one: per-phone support of a transcript by a clip.</summary>
    public OnnxMatchingEncoder? Matching { get; }

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
    /// creates one ONNX Runtime session per graph on the chosen provider (one per listed GPU on CUDA) and checks each
    /// graph's inputs and outputs.
    /// </summary>
    /// <exception cref="ModelPackageException">Anything wrong with the package; names the file.</exception>
    /// <exception cref="ExecutionProviderException">ExecutionProvider is Cuda and CUDA cannot run (the message says why).</exception>
    public static ScrapsModel Load(string folder, ScrapsModelOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        options ??= new ScrapsModelOptions();
        return Load(folder, options, new OrtSessionFactory(options), loggerFactory);
    }

    /// <summary>As <see cref="Load(string, ScrapsModelOptions?, ILoggerFactory?)"/>, with sessions from <paramref name="source"/> (tests).</summary>
    internal static ScrapsModel Load(string folder, ScrapsModelOptions options, IOrtSessionSource source, ILoggerFactory? loggerFactory)
    {
        options.Validate();
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ScrapsModel>();
        var full = Path.GetFullPath(folder);
        var manifest = ModelPackageReader.Read(full, options.VerifyHashes);
        var sessions = ModelSessions.Open(full, manifest.Architecture, options, source, logger);
        try
        {
            var model = new ScrapsModel(full, manifest, sessions, options);
            LogLoaded(logger, manifest.Name, manifest.Version, full, sessions.Provider.ToString());
            return model;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            sessions.Dispose();
            throw new ModelPackageException(Path.Combine(full, ModelManifest.FileName), e.Message, e);
        }
    }

    public void Dispose() => _sessions.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded model {Name} {Version} from {Folder} on {Provider}")]
    private static partial void LogLoaded(ILogger logger, string name, string version, string folder, string provider);
}
