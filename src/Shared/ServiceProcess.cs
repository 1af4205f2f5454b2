using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Scraps.Shared;

/// <summary>
/// The scoring service as a child process listening on 127.0.0.1 only, configured through environment variables
/// (the same keys as appsettings.json, with __ for sections): for benchmarks (scraps bench) and the tests that need a
/// real process (memory, SIGTERM). Disposing stops it. Compiled into each project that uses it (src/Shared).
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output;

    private ServiceProcess(Process process, Uri baseAddress, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        _process = process;
        BaseAddress = baseAddress;
        _output = output;
    }

    public Uri BaseAddress { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines the service wrote (stdout and stderr).</summary>
    public IReadOnlyList<string> RecentOutput => _output.ToArray();

    /// <summary>Resident memory of the process (VmRSS, Linux): managed heap, native allocations and mapped code alike.</summary>
    public long ResidentBytes
    {
        get
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
                }
            }

            throw new InvalidOperationException($"no VmRSS in /proc/{_process.Id}/status");
        }
    }

    /// <summary>Sends SIGTERM (what Kubernetes and systemd send), as opposed to Kill (SIGKILL).</summary>
    public void Terminate()
    {
        if (Kill(_process.Id, 15) != 0)
        {
            throw new InvalidOperationException($"kill(SIGTERM) failed for {_process.Id}: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Waits for the process to exit on its own.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>CPU time the service process has used so far (user + system, all threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts the service and waits until /health/ready answers 200.</summary>
    /// <exception cref="InvalidOperationException">It exited or did not get ready in time (with its last output).</exception>
    public static async Task<ServiceProcess> StartAsync(string serviceDll, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        // The caller's ASPNETCORE_HTTP_PORTS (as deployed, e.g. beside ASPNETCORE_HTTPS_PORTS) or a free loopback port.
        var ownPorts = settings.TryGetValue("ASPNETCORE_HTTP_PORTS", out var httpPorts);
        var port = ownPorts ? int.Parse(httpPorts!.Split(';')[0], System.Globalization.CultureInfo.InvariantCulture) : FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { serviceDll },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(serviceDll)!,
        };
        if (!ownPorts)
        {
            start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start dotnet {serviceDll}");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var service = new ServiceProcess(process, baseAddress, output);
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await service.DisposeAsync();
                throw new InvalidOperationException(
                    $"the service {(process.HasExited ? "exited" : "did not get ready in 2 minutes")}: {string.Join(" | ", output.TakeLast(8))}");
            }

            try
            {
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    internal static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Keep(System.Collections.Concurrent.ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 50 && output.TryDequeue(out _))
        {
        }
    }
}
