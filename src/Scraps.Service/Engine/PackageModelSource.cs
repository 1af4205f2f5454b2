using Microsoft.Extensions.Options;
using Scraps.Inference.Runtime;

namespace Scraps.Service.Engine;

/// <summary>
/// Loads a model package with ONNX Runtime (section <c>Scraps:Inference</c>, as configured and validated; its thread
/// count sized by <see cref="Configuration.InferenceThreadsSetup"/>) and espeak-ng for transcripts.
/// </summary>
internal sealed class PackageModelSource(IOptions<ScrapsModelOptions> inference, ILoggerFactory loggerFactory) : IModelSource
{
    public LoadedModel Load(string folder)
    {
        var model = ScrapsModel.Load(folder, inference.Value, loggerFactory);
        try
        {
            var phonemizer = model.CreatePhonemizer();
            return new LoadedModel(
                model,
                phonemizer,
                model.Acoustic,
                model.Phonetic,
                model);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
