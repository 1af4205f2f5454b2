using System.Net;
using System.Net.Http.Headers;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.Api;

/// <summary>Per-client admission: a client holds at most its share of the places, so another client still finds one.</summary>
[Collection(PrometheusScrapeCollection.Name)]
public sealed class ApiKeyAdmissionTests : IDisposable
{
    private const string Flooder = "test-key-flooding-client-01";
    private const string Polite = "test-key-polite-client-0002";

    private readonly string _keysFile = Path.Combine(Path.GetTempPath(), $"scraps-keys-{Guid.NewGuid():N}.txt");

    public ApiKeyAdmissionTests() => File.WriteAllText(_keysFile, $"{Flooder}\n{Polite}\n");

    public void Dispose() => File.Delete(_keysFile);

    private static HttpRequestMessage Embed(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/embed/acoustic") { Content = Requests.Multipart(("audio", TestClips.Tone(0.5))) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }

    [Fact]
    public async Task A_client_past_its_share_is_refused_while_another_client_still_gets_a_place()
    {
        await using var factory = new ServiceFactory(
            new Dictionary<string, string?>
            {
                ["Scraps:ApiKeys:KeysFile"] = _keysFile,
                ["Scraps:Admission:PermitLimit"] = "2",
                ["Scraps:Admission:QueueLimit"] = "0",
                ["Scraps:Admission:ClientShare"] = "0.5",
                ["Scraps:Batching:Workers"] = "1",
                ["Scraps:Batching:MaxBatchSize"] = "1",
                ["Scraps:Batching:MaxBatchDelay"] = "00:00:00",
            },
            gated: true);
        var client = await factory.CreateReadyClientAsync();
        var acoustic = factory.Gates.Acoustic!;
        acoustic.Hold = true;

        var first = client.SendAsync(Embed(Flooder));
        await acoustic.WaitEnteredAsync();
        using var second = await client.SendAsync(Embed(Flooder));
        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.TooManyRequests, "already has its share");

        var polite = client.SendAsync(Embed(Polite));
        await Task.Delay(200);
        Assert.False(polite.IsCompleted && (await polite).StatusCode == HttpStatusCode.TooManyRequests, "the polite client was refused");
        acoustic.Hold = false;
        acoustic.Release();
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await polite).StatusCode);

        var metrics = await client.GetStringAsync("/metrics");
        var line = metrics.Split('\n').Single(l => l.StartsWith("scraps_admission_rejections_total{", StringComparison.Ordinal) && l.Contains("reason=\"client_share\"", StringComparison.Ordinal));
        Assert.Equal("1", line.Split(" ")[1]);
        Assert.DoesNotContain(Flooder, metrics);
    }
}
