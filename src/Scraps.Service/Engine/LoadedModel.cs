using Scraps.Audio;
using Scraps.Inference.Batching;
using Scraps.Inference.Encoders;
using Scraps.Inference.Package;
using Scraps.Inference.Runtime;
using Scraps.Phonetics;

namespace Scraps.Service.Engine;

/// <summary>
/// A model ready to serve: the package (manifest, front end, inventory, calibration), its phonemizer and the two
/// encoders the batchers run. Disposing it releases the ONNX Runtime sessions.
/// </summary>
internal sealed class LoadedModel(
    ScrapsModel package,
    IPhonemizer phonemizer,
    IBatchEncoder<LogMel, EncoderOutput> acoustic,
    IBatchEncoder<long[], EncoderOutput> phonetic,
    IDisposable? owner) : IDisposable
{
    public ScrapsModel Package { get; } = package;

    public ModelManifest Manifest => Package.Manifest;

    public IPhonemizer Phonemizer { get; } = phonemizer;

    public IBatchEncoder<LogMel, EncoderOutput> Acoustic { get; } = acoustic;

    public IBatchEncoder<long[], EncoderOutput> Phonetic { get; } = phonetic;

    /// <summary>Where the graphs run and why (requested, running, devices, reason).</summary>
    public ExecutionProviderStatus Provider => Package.Provider;

    /// <summary>"name@version".</summary>
    public string Id => $"{Manifest.Name}@{Manifest.Version}";

    public void Dispose() => owner?.Dispose();
}
