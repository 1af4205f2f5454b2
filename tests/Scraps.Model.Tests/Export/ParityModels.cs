using System.Collections.Concurrent;

namespace Scraps.Model.Tests.Export;

/// <summary>Class fixture: one exported <see cref="ParityModel"/> per subsampling factor, built on first use.</summary>
public sealed class ParityModels : IDisposable
{
    private readonly ConcurrentDictionary<int, Lazy<ParityModel>> _models = new();

    internal ParityModel For(int subsampling, bool ctcHead = false) =>
        _models.GetOrAdd(subsampling + (ctcHead ? 100 : 0), _ => new Lazy<ParityModel>(() => ParityModel.Create(subsampling, ctcHead: ctcHead))).Value;

    /// <summary>A model with a conv phone branch and a matching head.</summary>
    internal ParityModel WithMatchingHead() =>
        _models.GetOrAdd(3000, _ => new Lazy<ParityModel>(() => ParityModel.Create(
            4, branch: new PhoneBranchConfig { Layers = 1, Dim = 24, Kernel = 3 }, matching: new MatchingHeadConfig { Layers = 2, Dim = 16, Heads = 2 }))).Value;

    /// <summary>A model at subsampling 4 whose CTC head reads a phone branch of <paramref name="kind"/>.</summary>
    internal ParityModel WithBranch(string kind) =>
        _models.GetOrAdd(kind == PhoneBranchConfig.Conv ? 1000 : 2000, _ => new Lazy<ParityModel>(() => ParityModel.Create(
            4, branch: kind == PhoneBranchConfig.Conv
                ? new PhoneBranchConfig { Kind = kind, Layers = 2, Dim = 24, Kernel = 5 }
                : new PhoneBranchConfig { Kind = kind, Layers = 2, Dim = 20 }))).Value;

    public void Dispose()
    {
        foreach (var model in _models.Values.Where(m => m.IsValueCreated))
        {
            model.Value.Dispose();
        }
    }
}
