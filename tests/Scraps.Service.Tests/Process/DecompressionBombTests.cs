using System.Net;
using Scraps.Service.Tests.Support;
using Xunit.Abstractions;

namespace Scraps.Service.Tests.Process;

/// <summary>The decompression bomb of issue 11 against a real service process: refused from its header, memory flat.</summary>
[Collection(ChildService.Sequential.Name)]
public sealed class DecompressionBombTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Eight_concurrent_bombs_are_refused_without_their_memory_and_the_process_falls_back()
    {
        var bomb = Path.Combine(Path.GetTempPath(), $"scraps-bomb-{Guid.NewGuid():N}.flac");
        Ffmpeg($"-v error -f lavfi -i anullsrc=r=384000:cl=mono -t 299 -c:a flac -sample_fmt s16 {bomb}");
        var bytes = await File.ReadAllBytesAsync(bomb);
        File.Delete(bomb);
        await using var service = await ChildService.StartAsync();
        using var client = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        // A few ordinary requests first, so the idle figure includes a process that has served.
        for (var i = 0; i < 4; i++)
        {
            using var ok = await client.PostAsync("/v1/score", Requests.Multipart(("audio", TestClips.Speech), ("transcript", "hello")));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var idle = service.ResidentBytes;
        long peak = idle;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, service.ResidentBytes);
                await Task.Delay(10);
            }
        });

        for (var round = 0; round < 3; round++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostAsync("/v1/score", Requests.Multipart(("audio", bytes), ("transcript", "silence")))));
            foreach (var answer in answers)
            {
                await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.UnprocessableEntity, "'audio' is 299 s long; the longest clip scored is");
                answer.Dispose();
            }
        }

        await Task.Delay(1000);
        await sampling.CancelAsync();
        await sampler;
        var after = service.ResidentBytes;
        output.WriteLine($"bomb: {bytes.Length} bytes; RSS idle {idle >> 20} MB, peak {peak >> 20} MB during 3 x 8 concurrent bombs, after {after >> 20} MB");

        Assert.True(peak < 600L << 20, $"peak RSS {peak >> 20} MB");
        Assert.True(peak - idle < 64L << 20, $"the bombs raised RSS by {(peak - idle) >> 20} MB");
        Assert.True(after - idle < 32L << 20, $"RSS stayed {(after - idle) >> 20} MB above idle");
    }

    private static void Ffmpeg(string arguments)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ffmpeg", "-y " + arguments)
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ffmpeg failed: {error}");
    }
}
