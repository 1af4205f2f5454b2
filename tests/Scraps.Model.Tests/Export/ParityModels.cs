using System.Collections.Concurrent;

namespace Scraps.Model.Tests.Export;

/// <summary>Class fixture: one exported <see cref="ParityModel"/> per subsampling factor, built on first use.</summary>
public sealed class ParityModels : IDisposable
{
    private readonly ConcurrentDictionary<int, Lazy<ParityModel>> models = new();

    internal ParityModel For(int subsampling, bool ctcHead = false) =>
        models.GetOrAdd(subsampling + (ctcHead ? 100 : 0), _ => new Lazy<ParityModel>(() => ParityModel.Create(subsampling, ctcHead: ctcHead))).Value;

    public void Dispose()
    {
        foreach (var model in models.Values.Where(m => m.IsValueCreated))
        {
            model.Value.Dispose();
        }
    }
}
