using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Scraps.Service.Hosting;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.Api;

/// <summary>Queue-full admission (429) and requests cancelled while queued for a batch (never computed).</summary>
public sealed class BackpressureTests
{
    private static readonly Dictionary<string, string?> OneAtATime = new()
    {
        ["Scraps:Batching:Workers"] = "1",
        ["Scraps:Batching:MaxBatchSize"] = "1",
        ["Scraps:Batching:MaxBatchDelay"] = "00:00:00",
        ["Scraps:Batching:QueueCapacity"] = "1",
    };

    [Fact]
    public async Task A_full_queue_refuses_at_once_with_429_and_retry_after_and_serves_what_it_admitted()
    {
        await using var factory = new ServiceFactory(OneAtATime, gated: true);
        var client = await factory.CreateReadyClientAsync();
        var acoustic = factory.Gates.Acoustic!;
        acoustic.Hold = true;

        var running = client.PostAsync("/v1/embed/acoustic", Requests.Multipart(("audio", TestClips.Tone(0.5))));
        await acoustic.WaitEnteredAsync();
        var queued = client.PostAsync("/v1/embed/acoustic", Requests.Multipart(("audio", TestClips.Tone(0.6))));
        await WaitForAsync(() => Engine(factory).Encoders.Acoustic.QueueDepth == 1);

        using var refused = await client.PostAsync("/v1/embed/acoustic", Requests.Multipart(("audio", TestClips.Tone(0.7))));

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests, "the acoustic queue is full (1 requests waiting)");
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        acoustic.Release(2);
        Assert.Equal(HttpStatusCode.OK, (await running).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await queued).StatusCode);
    }

    [Fact]
    public async Task A_request_cancelled_while_waiting_for_its_batch_is_never_computed()
    {
        await using var factory = new ServiceFactory(OneAtATime, gated: true);
        var client = await factory.CreateReadyClientAsync();
        var acoustic = factory.Gates.Acoustic!;
        acoustic.Hold = true;
        var warmUpBatches = acoustic.Batches.Count;

        var running = client.PostAsync("/v1/embed/acoustic", Requests.Multipart(("audio", TestClips.Tone(0.5))));
        await acoustic.WaitEnteredAsync();
        using var cancel = new CancellationTokenSource();
        var abandoned = client.PostAsync("/v1/embed/acoustic", Requests.Multipart(("audio", TestClips.Tone(0.9))), cancel.Token);
        await WaitForAsync(() => Engine(factory).Encoders.Acoustic.QueueDepth == 1);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        await WaitForAsync(() => Engine(factory).Encoders.Acoustic.QueueDepth == 0);
        acoustic.Release();
        Assert.Equal(HttpStatusCode.OK, (await running).StatusCode);
        acoustic.Hold = false;
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/v1/embed/acoustic", Requests.Multipart(("audio", TestClips.Tone(0.3))))).StatusCode);

        var lengths = acoustic.Batches.Skip(warmUpBatches).SelectMany(b => b).ToArray();
        Assert.Equal([41, 25], lengths); // 0.5 s and 0.3 s (frames = 1 + samples / 200); the 0.9 s clip (73 frames) never ran
    }

    internal static Scraps.Service.Engine.ScoringEngine Engine(ServiceFactory factory) =>
        factory.Services.GetRequiredService<EngineHost>().Engine!;

    internal static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(5);
        }
    }
}
