using Scraps.Audio;
using Scraps.Inference.Batching;
using Scraps.Inference.Encoders;
using Scraps.Inference.Package;
using Scraps.Inference.Scoring;

namespace Scraps.Service.Engine;

/// <summary>
/// A model ready to serve: its manifest, the scorer (front end, phonemes, calibration) and the two encoders the
/// batchers run. Disposing it releases the ONNX Runtime sessions.
/// </summary>
internal sealed class LoadedModel(
    ModelManifest manifest,
    ScrapsScorer scorer,
    IBatchEncoder<LogMel, EncoderOutput> acoustic,
    IBatchEncoder<long[], EncoderOutput> phonetic,
    string executionProvider,
    IDisposable? owner) : IDisposable
{
    public ModelManifest Manifest { get; } = manifest;

    public ScrapsScorer Scorer { get; } = scorer;

    public IBatchEncoder<LogMel, EncoderOutput> Acoustic { get; } = acoustic;

    public IBatchEncoder<long[], EncoderOutput> Phonetic { get; } = phonetic;

    /// <summary>Where the graphs run ("Cpu", "Cuda").</summary>
    public string ExecutionProvider { get; } = executionProvider;

    /// <summary>"name@version".</summary>
    public string Id => $"{Manifest.Name}@{Manifest.Version}";

    public void Dispose() => owner?.Dispose();
}
