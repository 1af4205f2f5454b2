using Scraps.Audio;
using Scraps.Service.Engine;

namespace Scraps.Service.Tests.Support;

/// <summary>Loads the package as the service does, with gated encoders; can also hold the load itself.</summary>
internal sealed class GatedModelSource(bool holdLoading) : IModelSource
{
    private readonly ManualResetEventSlim _loadGate = new(initialState: !holdLoading);

    /// <summary>The service's own source, set when the host builds this one.</summary>
    public IModelSource? Inner { get; set; }

    public GatedEncoder<LogMel>? Acoustic { get; private set; }

    public GatedEncoder<long[]>? Phonetic { get; private set; }

    public void FinishLoading() => _loadGate.Set();

    public LoadedModel Load(string folder)
    {
        _loadGate.Wait(TimeSpan.FromSeconds(30));
        var model = (Inner ?? throw new InvalidOperationException("no inner source")).Load(folder);
        Acoustic = new GatedEncoder<LogMel>(model.Acoustic);
        Phonetic = new GatedEncoder<long[]>(model.Phonetic);
        return new LoadedModel(model.Package, model.Phonemizer, Acoustic, Phonetic, model);
    }
}
