namespace Scraps.Service.Hosting;

/// <summary>Where the service is in its life.</summary>
internal enum EngineStatus
{
    Loading,
    Ready,
    Failed,
    Stopping,
}
