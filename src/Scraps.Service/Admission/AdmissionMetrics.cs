using System.Diagnostics.Metrics;

namespace Scraps.Service.Admission;

/// <summary>
/// Admission's refusals by reason, on the meter <c>Scraps.Admission</c>: <c>scraps.admission.rejections</c> with
/// <c>reason</c> = <c>capacity</c> (every place and waiting place taken) or <c>client_share</c> (the caller already holds
/// its share). Client identities are never tags: a key's digest or an address per series would grow without bound and
/// tell who calls. Both series start at 0.
/// </summary>
internal sealed class AdmissionMetrics
{
    public const string MeterName = "Scraps.Admission";
    public const string Capacity = "capacity";
    public const string ClientShare = "client_share";

    private readonly Counter<long> _rejections;

    public AdmissionMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _rejections = meterFactory.Create(MeterName).CreateCounter<long>(
            "scraps.admission.rejections", "{request}", "Requests refused by admission (429), by reason: capacity or client_share.");
        _rejections.Add(0, new KeyValuePair<string, object?>("reason", Capacity));
        _rejections.Add(0, new KeyValuePair<string, object?>("reason", ClientShare));
    }

    public void Rejected(string reason) => _rejections.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
