using System.Diagnostics.Metrics;
using Scraps.Service.Hosting;

namespace Scraps.Service.Telemetry;

/// <summary>
/// <c>scraps_model_info{name, version, provider}</c> = 1 while a model is served (meter <c>Scraps.Model</c>): the
/// info-metric convention, so that dashboards and alerts can join on the model and see a pod that fell back to CPU.
/// </summary>
internal sealed class ModelInfoMetrics
{
    public const string MeterName = "Scraps.Model";

    public ModelInfoMetrics(IMeterFactory meterFactory, EngineHost host)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(host);
        meterFactory.Create(MeterName).CreateObservableGauge(
            "scraps.model.info",
            () => host.Engine is { } engine
                ? [new Measurement<int>(1, new KeyValuePair<string, object?>("name", engine.Model.Manifest.Name), new("version", engine.Model.Manifest.Version), new("provider", engine.Model.Provider.Name))]
                : Array.Empty<Measurement<int>>(),
            unit: null,
            description: "1 for the model being served, labelled with its name, version and execution provider (cpu or cuda).");
    }
}
