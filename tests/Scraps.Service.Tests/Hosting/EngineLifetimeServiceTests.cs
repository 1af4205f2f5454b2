using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scraps.Inference.Batching;
using Scraps.Service.Hosting;
using Scraps.Service.Tests.Api;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.Hosting;

public sealed class EngineLifetimeServiceTests
{
    [Fact]
    public async Task Shutdown_stops_admitting_and_finishes_what_was_admitted()
    {
        await using var factory = new ServiceFactory(null, gated: true);
        var client = await factory.CreateReadyClientAsync();
        var acoustic = factory.Gates.Acoustic!;
        acoustic.Hold = true;
        var engine = BackpressureTests.Engine(factory);
        var running = client.PostAsync("/v1/embed/acoustic", Requests.Multipart(("audio", TestClips.Tone(0.5))));
        await acoustic.WaitEnteredAsync();

        var lifetime = factory.Services.GetServices<IHostedService>().OfType<EngineLifetimeService>().Single();
        var stopping = lifetime.StopAsync(CancellationToken.None);
        using var late = await client.PostAsync("/v1/embed/acoustic", Requests.Multipart(("audio", TestClips.Tone(0.5))));
        using var notReady = await client.GetAsync("/health/ready");

        await ProblemAssert.IsProblemAsync(late, HttpStatusCode.ServiceUnavailable, "shutting down");
        await ProblemAssert.IsProblemAsync(notReady, HttpStatusCode.ServiceUnavailable, "shutting down");
        Assert.False(stopping.IsCompleted, $"stopped before the admitted request finished: {stopping.Exception}");
        acoustic.Release();
        Assert.Equal(HttpStatusCode.OK, (await running).StatusCode);
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Throws<BatcherStoppedException>(() => { _ = engine.Encoders.Acoustic.EnqueueAsync(engine.Scorer.Inputs.FeaturesFromSamples(new float[4000]), Scraps.Inference.Encoders.EncoderOutputs.Embedding, default); });
    }
}
