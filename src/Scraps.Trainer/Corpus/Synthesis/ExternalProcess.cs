using System.ComponentModel;
using System.Diagnostics;

namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>Runs an external program with arguments (never through a shell), optional stdin bytes, and a time limit.</summary>
internal static class ExternalProcess
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Runs <paramref name="program"/> and returns its standard output.</summary>
    /// <exception cref="ExternalToolException">The program is missing, exits non-zero or runs past the time limit.</exception>
    public static async Task<byte[]> RunAsync(
        string program,
        IEnumerable<string> arguments,
        byte[]? input = null,
        string? workingDirectory = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new ExternalToolException($"cannot start '{program}': {e.Message} (is it installed?)", e);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? DefaultTimeout);
        var output = new MemoryStream();
        var stdout = process.StandardOutput.BaseStream.CopyToAsync(output, limit.Token);
        var stderr = process.StandardError.ReadToEndAsync(limit.Token);
        var stdin = WriteInputAsync(process, input, limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            await Task.WhenAll(stdout, stdin).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill(process);
            throw new ExternalToolException($"'{program}' ran past its time limit of {(timeout ?? DefaultTimeout).TotalSeconds:0} s");
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }
        catch (IOException) when (process.HasExited)
        {
            // The program exited without reading all its input: its exit code below says whether that was a failure.
        }

        var errors = await stderr.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            var tail = errors.Length > 400 ? errors[^400..] : errors;
            throw new ExternalToolException($"'{program}' failed with exit code {process.ExitCode}: {tail.ReplaceLineEndings(" ").Trim()}");
        }

        return output.ToArray();
    }

    private static async Task WriteInputAsync(Process process, byte[]? input, CancellationToken cancellationToken)
    {
        var stream = process.StandardInput.BaseStream;
        try
        {
            if (input is not null)
            {
                await stream.WriteAsync(input, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            try
            {
                stream.Close();
            }
            catch (IOException)
            {
                // Broken pipe: the program stopped reading; its exit code tells.
            }
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
